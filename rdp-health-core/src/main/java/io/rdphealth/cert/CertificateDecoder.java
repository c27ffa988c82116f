package io.rdphealth.cert;

import io.rdphealth.evidence.CertificateInfo;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/** Turns an {@link X509Certificate} into the report's {@link CertificateInfo} values. */
public final class CertificateDecoder {
    private CertificateDecoder() {
    }

    public static CertificateInfo describe(X509Certificate certificate) {
        try {
            byte[] der = certificate.getEncoded();
            return new CertificateInfo(
                    certificate.getSubjectX500Principal().getName(X500Principal.RFC2253),
                    certificate.getIssuerX500Principal().getName(X500Principal.RFC2253),
                    certificate.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT),
                    thumbprint("SHA-1", der),
                    thumbprint("SHA-256", der),
                    certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant(),
                    isSelfSigned(certificate),
                    keyAlgorithm(certificate.getPublicKey()),
                    keyBits(certificate.getPublicKey()),
                    certificate.getSigAlgName(),
                    subjectAltNames(certificate),
                    extendedKeyUsages(certificate),
                    certificate.getExtensionValue("2.5.29.37") != null,
                    toPem(der));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** Upper-case hex digest of the DER encoding (the Windows thumbprint form). */
    public static String thumbprint(String algorithm, byte[] der) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance(algorithm).digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by every Java platform", e);
        }
    }

    public static String toPem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    private static boolean isSelfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey(), KeyMaterial.BC);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    static String keyAlgorithm(PublicKey key) {
        String algorithm = key.getAlgorithm();
        return "ECDSA".equals(algorithm) ? "EC" : algorithm;
    }

    static int keyBits(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        return 0;
    }

    private static List<String> subjectAltNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            var sans = certificate.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if ((type == 2 || type == 7) && san.get(1) instanceof String value) {
                        names.add(value);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // A broken SAN extension: report no names rather than fail the whole inspection.
        }
        return names;
    }

    private static List<String> extendedKeyUsages(X509Certificate certificate) {
        try {
            List<String> ekus = certificate.getExtendedKeyUsage();
            return ekus == null ? List.of() : ekus;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }
}
