package io.rdphealth.finding;

/** The sections of the finding catalog; a finding's group says which layer produced it. */
public enum FindingGroup {
    NETWORK,
    NEGOTIATION,
    TLS_CERTIFICATE,
    GATEWAY,
    HOST_WINDOWS,
    HOST_XRDP
}
