package io.rdphealth.wire;

/** failureCode of RDP_NEG_FAILURE (MS-RDPBCGR 2.2.1.2.2). */
public enum NegotiationFailureCode {
    SSL_REQUIRED_BY_SERVER(1),
    SSL_NOT_ALLOWED_BY_SERVER(2),
    SSL_CERT_NOT_ON_SERVER(3),
    INCONSISTENT_FLAGS(4),
    HYBRID_REQUIRED_BY_SERVER(5),
    SSL_WITH_USER_AUTH_REQUIRED_BY_SERVER(6);

    private final int code;

    NegotiationFailureCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The failure for a code, or {@code null} for a code the specification does not define. */
    public static NegotiationFailureCode of(int code) {
        for (NegotiationFailureCode failure : values()) {
            if (failure.code == code) {
                return failure;
            }
        }
        return null;
    }
}
