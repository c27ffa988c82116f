package io.rdphealth.host.windows;

import io.rdphealth.evidence.CertificateInfo;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** Decodes a DER certificate read from a Windows store into the library's {@link CertificateInfo}. Pure. */
public final class CertificateDecoder {
    private CertificateDecoder() {
    }

    /** @throws IllegalArgumentException when the bytes are not an X.509 certificate */
    public static CertificateInfo decode(byte[] der) {
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return describe(cert);
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    public static CertificateInfo describe(X509Certificate cert) throws CertificateException {
        byte[] der = cert.getEncoded();
        List<String> sans = new ArrayList<>();
        try {
            if (cert.getSubjectAlternativeNames() != null) {
                cert.getSubjectAlternativeNames().forEach(san -> {
                    if (san.size() >= 2 && (Integer.valueOf(2).equals(san.get(0)) || Integer.valueOf(7).equals(san.get(0)))) {
                        sans.add(String.valueOf(san.get(1)));
                    }
                });
            }
        } catch (CertificateParsingException e) {
            // an unparsable SAN extension is reported as no SANs
        }
        List<String> ekus;
        try {
            ekus = cert.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            ekus = null;
        }
        int bits = cert.getPublicKey() instanceof RSAPublicKey rsa ? rsa.getModulus().bitLength()
                : cert.getPublicKey() instanceof ECPublicKey ec ? ec.getParams().getCurve().getField().getFieldSize() : 0;
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
        return new CertificateInfo(
                cert.getSubjectX500Principal().getName(),
                cert.getIssuerX500Principal().getName(),
                cert.getSerialNumber().toString(16),
                digest("SHA-1", der), digest("SHA-256", der),
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(),
                selfSigned(cert),
                cert.getPublicKey().getAlgorithm(), bits, cert.getSigAlgName(),
                sans, ekus == null ? List.of() : ekus, ekus != null, pem);
    }

    /** Decodes the PEM kept in a snapshot back to DER. */
    public static byte[] derOf(CertificateInfo info) {
        String body = info.pem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static boolean selfSigned(X509Certificate cert) {
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    static String digest(String algorithm, byte[] der) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance(algorithm).digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " missing from the JDK", e);
        }
    }
}
