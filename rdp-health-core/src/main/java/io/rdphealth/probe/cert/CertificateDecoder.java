package io.rdphealth.probe.cert;

import io.rdphealth.evidence.CertificateInfo;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
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
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** Decodes DER certificates into {@link CertificateInfo} values. Pure: bytes in, values out. */
public final class CertificateDecoder {
    private final CertificateFactory factory;

    public CertificateDecoder() {
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
        }
    }

    public X509Certificate parse(byte[] der) throws CertificateException {
        return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
    }

    public CertificateInfo describe(X509Certificate certificate) throws CertificateException {
        byte[] der = certificate.getEncoded();
        return new CertificateInfo(
                certificate.getSubjectX500Principal().getName(),
                certificate.getIssuerX500Principal().getName(),
                certificate.getSerialNumber().toString(16).toUpperCase(),
                thumbprint("SHA-1", der),
                thumbprint("SHA-256", der),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                isSelfSigned(certificate),
                certificate.getPublicKey().getAlgorithm(),
                keyBits(certificate.getPublicKey()),
                certificate.getSigAlgName(),
                subjectAltNames(certificate),
                extendedKeyUsages(certificate),
                hasExtendedKeyUsage(certificate),
                pem(der));
    }

    public static String thumbprint(String algorithm, byte[] der) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance(algorithm).digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from the JDK", e);
        }
    }

    public static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    static boolean isSelfSigned(X509Certificate certificate) {
        if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
            return true;
        } catch (Exception e) {
            // Same name but another key signed it: issued by a CA that shares the name.
            return false;
        }
    }

    static int keyBits(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        try {
            // Other key types (EdDSA, DSA): the size of the encoded public key bits is the best general figure.
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(key.getEncoded());
            return new BigInteger(1, info.getPublicKeyData().getBytes()).bitLength();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    static List<String> subjectAltNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            if (certificate.getSubjectAlternativeNames() != null) {
                for (List<?> entry : certificate.getSubjectAlternativeNames()) {
                    int type = (Integer) entry.get(0);
                    if (type == 2 || type == 7) { // dNSName, iPAddress
                        names.add(String.valueOf(entry.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // An unparsable SAN extension is reported as no SANs; hostname matching then fails visibly.
        }
        return names;
    }

    static List<String> extendedKeyUsages(X509Certificate certificate) {
        try {
            List<String> ekus = certificate.getExtendedKeyUsage();
            return ekus == null ? List.of() : List.copyOf(ekus);
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    static boolean hasExtendedKeyUsage(X509Certificate certificate) {
        return certificate.getExtensionValue("2.5.29.37") != null;
    }
}
