package io.rdphealth.evidence;

/** TLS versions the probe tells apart (see {@code VersionScan}). */
public enum TlsVersion {
    TLS_1_0("TLSv1"),
    TLS_1_1("TLSv1.1"),
    TLS_1_2("TLSv1.2"),
    TLS_1_3("TLSv1.3");

    private final String label;

    TlsVersion(String label) {
        this.label = label;
    }

    /** The name OpenSSL, xrdp's ssl_protocols and Java use. */
    public String label() {
        return label;
    }

    public boolean isLegacy() {
        return this == TLS_1_0 || this == TLS_1_1;
    }
}
