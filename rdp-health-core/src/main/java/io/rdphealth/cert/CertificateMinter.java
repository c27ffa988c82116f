package io.rdphealth.cert;

import java.math.BigInteger;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Mints the self-signed server certificates of the renewal (production code, not the test PKI):
 * RSA 2048+ or ECDSA P-256/P-384, SHA-256 signature, SANs for the host's names, Server
 * Authentication EKU, a random positive 127-bit serial.
 */
public final class CertificateMinter {
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CertificateMinter(Clock clock) {
        this.clock = clock;
    }

    public KeyMaterial selfSigned(SelfSignedSpec spec) throws GeneralSecurityException {
        KeyPair pair = generate(spec);
        Instant now = clock.instant();
        Instant notBefore = now.minus(Duration.ofHours(1));
        Instant notAfter = now.plus(spec.validity());
        var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, spec.names().get(0)).build();
        BigInteger serial = new BigInteger(127, random).setBit(0);
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                    Date.from(notBefore), Date.from(notAfter), subject, pair.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectAlternativeName, false, sans(spec.names()));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            int usage = spec.keyType() == SelfSignedSpec.KeyType.RSA
                    ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                    : KeyUsage.digitalSignature;
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
            String algorithm = spec.keyType() == SelfSignedSpec.KeyType.RSA ? "SHA256withRSA" : "SHA256withECDSA";
            X509CertificateHolder holder = builder.build(
                    new JcaContentSignerBuilder(algorithm).setProvider(KeyMaterial.BC).setSecureRandom(random)
                            .build(pair.getPrivate()));
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(KeyMaterial.BC)
                    .getCertificate(holder);
            return new KeyMaterial(pair.getPrivate(), List.of(certificate));
        } catch (OperatorCreationException | java.io.IOException e) {
            throw new GeneralSecurityException("cannot build the certificate: " + e.getMessage(), e);
        }
    }

    private KeyPair generate(SelfSignedSpec spec) throws GeneralSecurityException {
        if (spec.keyType() == SelfSignedSpec.KeyType.RSA) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", KeyMaterial.BC);
            generator.initialize(spec.keySize(), random);
            return generator.generateKeyPair();
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", KeyMaterial.BC);
        generator.initialize(new ECGenParameterSpec(spec.keySize() == 256 ? "secp256r1" : "secp384r1"), random);
        return generator.generateKeyPair();
    }

    private static GeneralNames sans(List<String> names) {
        return new GeneralNames(names.stream().map(CertificateMinter::generalName).toArray(GeneralName[]::new));
    }

    private static GeneralName generalName(String name) {
        boolean ip = name.matches("[0-9.]+") || name.contains(":");
        if (ip) {
            try {
                // A literal only: InetAddress does not resolve strings that are addresses.
                return new GeneralName(GeneralName.iPAddress, InetAddress.getByName(name).getHostAddress());
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException("'" + name + "' is not an IP address", e);
            }
        }
        return new GeneralName(GeneralName.dNSName, name);
    }
}
