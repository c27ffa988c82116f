package io.rdphealth.wire;

/**
 * The server security data block SC_SECURITY (MS-RDPBCGR 2.2.1.4.3): the encryption method the
 * server chose among those the client offered, its encryption level, and the server certificate
 * it sent for the RSA key exchange.
 *
 * @param encryptionMethod   raw encryptionMethod (0 none, 1 40-bit, 2 128-bit, 8 56-bit, 0x10 FIPS)
 * @param encryptionLevel    raw encryptionLevel (0 none, 1 low, 2 client compatible, 3 high, 4 FIPS)
 * @param serverRandomLength length of the server random (32 when encryption is on, 0 otherwise)
 * @param certificateKind    the server certificate format, {@link CertificateKind#NONE} when absent
 * @param serverKeyBits      the RSA modulus size of a proprietary certificate's key, or {@code null}
 *                           when no proprietary certificate was sent
 */
public record ServerSecurityData(
        long encryptionMethod,
        long encryptionLevel,
        int serverRandomLength,
        CertificateKind certificateKind,
        Integer serverKeyBits) {

    /** dwVersion of the server certificate (low 31 bits; the top bit marks a temporary certificate). */
    public enum CertificateKind {
        /** No certificate: encryption is off. */
        NONE,
        /** CERT_CHAIN_VERSION_1: Microsoft's proprietary certificate with a bare RSA key. */
        PROPRIETARY,
        /** CERT_CHAIN_VERSION_2: an X.509 chain (Terminal Server licensing). */
        X509,
        /** A dwVersion the specification does not define. */
        UNKNOWN
    }

    /** The named method, or {@code null} for 0 (no encryption) and undefined values. */
    public EncryptionMethod method() {
        return EncryptionMethod.of(encryptionMethod);
    }

    /** The named level, or {@code null} for an undefined value. */
    public EncryptionLevel level() {
        return EncryptionLevel.of(encryptionLevel);
    }
}
