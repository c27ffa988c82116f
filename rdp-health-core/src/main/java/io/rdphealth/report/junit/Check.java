package io.rdphealth.report.junit;

import io.rdphealth.finding.FindingId;

/**
 * The checks a target's JUnit test suite lists: one test case each, named {@code <target> <check>}.
 * The first five are always listed (skipped when the probe did not get that far); the host and
 * gateway checks only when they produced findings, since they run only when asked for.
 */
public enum Check {
    NETWORK("network", true),
    NEGOTIATION("negotiation", true),
    TLS("tls", true),
    CERTIFICATE("certificate", true),
    NTLM("ntlm", true),
    GATEWAY("gateway", false),
    HOST("host", false);

    private final String label;
    private final boolean alwaysListed;

    Check(String label, boolean alwaysListed) {
        this.label = label;
        this.alwaysListed = alwaysListed;
    }

    /** The name used in test case names. */
    public String label() {
        return label;
    }

    public boolean alwaysListed() {
        return alwaysListed;
    }

    /** The check a finding belongs to: its catalog group, with TLS and certificate findings apart. */
    public static Check of(FindingId id) {
        return switch (id.group()) {
            case NETWORK -> NETWORK;
            case NEGOTIATION -> NEGOTIATION;
            case TLS_CERTIFICATE -> id.name().startsWith("CERT_") ? CERTIFICATE : TLS;
            case GATEWAY -> GATEWAY;
            case HOST_WINDOWS, HOST_XRDP -> HOST;
        };
    }
}
