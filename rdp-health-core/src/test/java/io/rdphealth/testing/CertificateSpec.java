package io.rdphealth.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a test certificate should look like. Any validity window is allowed, including one wholly
 * in the past or the future: that is the point of minting in-process (OpenSSL's {@code req}
 * cannot). Use the presets for the usual cases and {@link #toBuilder()} to vary one property.
 *
 * @param subjectCommonName CN of the subject
 * @param dnsNames subjectAltName DNS entries (may be empty)
 * @param ipAddresses subjectAltName IP entries as literals (may be empty)
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param keyType RSA or EC P-256
 * @param rsaBits modulus size when {@code keyType} is RSA (ignored for EC)
 * @param signatureAlgorithm JCA name: SHA256withRSA, SHA1withRSA or SHA256withECDSA; the issuer's
 *                           key type must match it (the issuer signs)
 * @param serverAuth whether the extended key usage serverAuth is present
 * @param certificateAuthority whether basicConstraints says CA (for roots and intermediates)
 */
public record CertificateSpec(String subjectCommonName, List<String> dnsNames, List<String> ipAddresses,
        Instant notBefore, Instant notAfter, KeyType keyType, int rsaBits, String signatureAlgorithm,
        boolean serverAuth, boolean certificateAuthority) {

    /** Default host of the presets: what tests connect to. */
    public static final String LOCALHOST = "localhost";
    /** The host name used by {@link #wrongHost()}: never resolvable (RFC 6761 .invalid). */
    public static final String WRONG_HOST = "wrong-host.example.invalid";

    /** Key algorithm of the subject key. */
    public enum KeyType { RSA, EC_P256 }

    public CertificateSpec {
        Objects.requireNonNull(subjectCommonName, "subjectCommonName");
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " is not after notBefore " + notBefore);
        }
        if (keyType == KeyType.RSA && (rsaBits < 512 || rsaBits > 8192)) {
            throw new IllegalArgumentException("RSA key size " + rsaBits + " outside 512..8192");
        }
    }

    /** A server certificate for {@code host} (DNS or IP literal), valid from yesterday for a year, RSA-2048, SHA-256. */
    public static CertificateSpec valid(String host) {
        Builder builder = builder(host).validFor(Instant.now().minus(Duration.ofDays(1)), Duration.ofDays(366));
        if (looksLikeIp(host)) {
            builder.dnsNames(List.of()).ipAddresses(List.of(host));
        }
        return builder.build();
    }

    /** A certificate for localhost/127.0.0.1 valid now, for a year. */
    public static CertificateSpec valid() {
        return valid(LOCALHOST);
    }

    /** Expired 30 days ago (valid from 400 to 30 days ago). */
    public static CertificateSpec expired() {
        Instant now = Instant.now();
        return valid().toBuilder().notBefore(now.minus(Duration.ofDays(400))).notAfter(now.minus(Duration.ofDays(30))).build();
    }

    /** Valid only from 30 days in the future. */
    public static CertificateSpec notYetValid() {
        Instant now = Instant.now();
        return valid().toBuilder().notBefore(now.plus(Duration.ofDays(30))).notAfter(now.plus(Duration.ofDays(400))).build();
    }

    /** Valid since yesterday and expiring {@code days} days from now (0 = within the hour; negative = expired). */
    public static CertificateSpec expiringInDays(int days) {
        Instant now = Instant.now();
        Instant notAfter = days == 0 ? now.plus(Duration.ofHours(1)) : now.plus(Duration.ofDays(days));
        Instant notBefore = now.minus(Duration.ofDays(1));
        if (!notAfter.isAfter(notBefore)) {
            notBefore = notAfter.minus(Duration.ofDays(365));
        }
        return valid().toBuilder().notBefore(notBefore).notAfter(notAfter).build();
    }

    /** Valid but issued to {@link #WRONG_HOST}: names neither localhost nor 127.0.0.1. */
    public static CertificateSpec wrongHost() {
        return valid().toBuilder().subjectCommonName(WRONG_HOST).dnsNames(List.of(WRONG_HOST)).ipAddresses(List.of()).build();
    }

    /** A valid certificate with a 1024-bit RSA key (too small for OpenSSL 3 at its default security level). */
    public static CertificateSpec rsa1024() {
        return valid().toBuilder().rsaBits(1024).build();
    }

    /** A valid certificate signed with SHA-1. */
    public static CertificateSpec sha1Signed() {
        return valid().toBuilder().signatureAlgorithm("SHA1withRSA").build();
    }

    /** A valid certificate with an EC P-256 key signed with ECDSA (self-signed: the issuer key is EC too). */
    public static CertificateSpec ecdsa() {
        return valid().toBuilder().keyType(KeyType.EC_P256).signatureAlgorithm("SHA256withECDSA").build();
    }

    /** A certificate whose extended key usage names client authentication only, not serverAuth (Windows event 1054). */
    public static CertificateSpec withoutServerAuth() {
        return valid().toBuilder().serverAuth(false).build();
    }

    /** A builder starting from a valid localhost-style certificate for {@code commonName}. */
    public static Builder builder(String commonName) {
        return new Builder(commonName);
    }

    public Builder toBuilder() {
        return new Builder(subjectCommonName).dnsNames(dnsNames).ipAddresses(ipAddresses)
                .notBefore(notBefore).notAfter(notAfter).keyType(keyType).rsaBits(rsaBits)
                .signatureAlgorithm(signatureAlgorithm).serverAuth(serverAuth).certificateAuthority(certificateAuthority);
    }

    /** The same spec as a CA certificate named {@code commonName}, without SANs or serverAuth, valid for ten years around now. */
    CertificateSpec asAuthority(String commonName) {
        Instant now = Instant.now();
        return toBuilder().subjectCommonName(commonName).dnsNames(List.of()).ipAddresses(List.of())
                .notBefore(now.minus(Duration.ofDays(3650))).notAfter(now.plus(Duration.ofDays(3650)))
                .serverAuth(false).certificateAuthority(true).rsaBits(Math.max(rsaBits, 2048)).build();
    }

    private static boolean looksLikeIp(String host) {
        return host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":");
    }

    /** Mutable builder; {@link #build()} validates. */
    public static final class Builder {
        private String subjectCommonName;
        private List<String> dnsNames;
        private List<String> ipAddresses = List.of("127.0.0.1");
        private Instant notBefore;
        private Instant notAfter;
        private KeyType keyType = KeyType.RSA;
        private int rsaBits = 2048;
        private String signatureAlgorithm = "SHA256withRSA";
        private boolean serverAuth = true;
        private boolean certificateAuthority;

        private Builder(String commonName) {
            this.subjectCommonName = commonName;
            this.dnsNames = List.of(commonName);
            Instant now = Instant.now();
            this.notBefore = now.minus(Duration.ofDays(1));
            this.notAfter = now.plus(Duration.ofDays(365));
        }

        public Builder subjectCommonName(String value) { this.subjectCommonName = value; return this; }
        public Builder dnsNames(List<String> value) { this.dnsNames = value; return this; }
        public Builder ipAddresses(List<String> value) { this.ipAddresses = value; return this; }
        public Builder notBefore(Instant value) { this.notBefore = value; return this; }
        public Builder notAfter(Instant value) { this.notAfter = value; return this; }
        public Builder validFor(Instant from, Duration length) { this.notBefore = from; this.notAfter = from.plus(length); return this; }
        public Builder keyType(KeyType value) { this.keyType = value; return this; }
        public Builder rsaBits(int value) { this.rsaBits = value; return this; }
        public Builder signatureAlgorithm(String value) { this.signatureAlgorithm = value; return this; }
        public Builder serverAuth(boolean value) { this.serverAuth = value; return this; }
        public Builder certificateAuthority(boolean value) { this.certificateAuthority = value; return this; }

        public CertificateSpec build() {
            return new CertificateSpec(subjectCommonName, dnsNames, ipAddresses, notBefore, notAfter, keyType,
                    rsaBits, signatureAlgorithm, serverAuth, certificateAuthority);
        }
    }
}
