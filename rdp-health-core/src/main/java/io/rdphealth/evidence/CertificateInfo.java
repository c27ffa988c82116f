package io.rdphealth.evidence;

import java.time.Instant;
import java.util.List;

/**
 * One certificate of the chain a server presented, decoded. Values only: no trust decision.
 *
 * @param subject            RFC 2253 subject DN
 * @param issuer             RFC 2253 issuer DN
 * @param serialHex          serial number in hex
 * @param sha1               SHA-1 thumbprint, upper-case hex without separators (the Windows form)
 * @param sha256             SHA-256 thumbprint, upper-case hex
 * @param notBefore          start of validity
 * @param notAfter           end of validity
 * @param selfSigned         issuer equals subject and the signature verifies with the certificate's own key
 * @param keyAlgorithm       RSA, EC, ...
 * @param keyBits            key size in bits (RSA modulus, EC field size)
 * @param signatureAlgorithm e.g. SHA256withRSA
 * @param subjectAltNames    DNS names and IP addresses
 * @param extendedKeyUsages  EKU OIDs ({@code 1.3.6.1.5.5.7.3.1} is Server Authentication); empty when absent
 * @param hasEkuExtension    whether the EKU extension is present at all (absent means any use)
 * @param pem                the certificate in PEM, so reports can be re-checked and renewals verified
 */
public record CertificateInfo(
        String subject,
        String issuer,
        String serialHex,
        String sha1,
        String sha256,
        Instant notBefore,
        Instant notAfter,
        boolean selfSigned,
        String keyAlgorithm,
        int keyBits,
        String signatureAlgorithm,
        List<String> subjectAltNames,
        List<String> extendedKeyUsages,
        boolean hasEkuExtension,
        String pem) {

    public static final String SERVER_AUTH_EKU = "1.3.6.1.5.5.7.3.1";

    public CertificateInfo {
        subjectAltNames = List.copyOf(subjectAltNames);
        extendedKeyUsages = List.copyOf(extendedKeyUsages);
    }

    /** Whole days from {@code now} to notAfter; negative when expired. */
    public long daysLeft(Instant now) {
        return Math.floorDiv(notAfter.getEpochSecond() - now.getEpochSecond(), 86_400L);
    }
}
