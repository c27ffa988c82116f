package io.rdphealth.host.xrdp;

/** xrdp.ini {@code security_layer}: what xrdp accepts in the X.224 negotiation. */
public enum SecurityLayer {
    /** TLS only: clients asking standard RDP security get FAILURE 1. */
    TLS,
    /** TLS when the client asks it and the key is usable, else standard RDP security (silently). */
    NEGOTIATE,
    /** Standard RDP security only: no TLS, the certificate is never used. */
    RDP;

    /** Whether xrdp serves the configured certificate at all. */
    public boolean usesCertificate() {
        return this != RDP;
    }
}
