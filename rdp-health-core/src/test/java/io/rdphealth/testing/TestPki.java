package io.rdphealth.testing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Mints test certificates in-process with BouncyCastle. The BC provider is passed as an instance
 * to the signer and is never registered globally: this code also runs inside Jenkins, where a
 * global provider change would leak into other plugins.
 */
public final class TestPki {
    /** Private instance, handed to BC operators explicitly; never passed to {@code Security.addProvider}. */
    private static final Provider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestPki() {
    }

    /** A self-signed certificate as described by {@code spec} (the spec's own key signs it). */
    public static MintedCertificate selfSigned(CertificateSpec spec) {
        KeyPair keys = generateKeyPair(spec);
        X500Name subject = name(spec.subjectCommonName());
        X509Certificate certificate = sign(spec, subject, keys, subject, keys, null);
        return new MintedCertificate(certificate, keys.getPrivate(), List.of(), certificate);
    }

    /**
     * A chain root -> intermediate -> leaf, the leaf described by {@code spec}. The chain of the
     * result holds the intermediate (what the server must send); the root is the trust anchor. The
     * authorities (shared by all chains of a JVM and key type) use the spec's key type with a
     * SHA-256 signature; the leaf is signed with {@code spec.signatureAlgorithm()}, which must
     * match the authority key type (RSA or ECDSA).
     */
    public static MintedCertificate caSignedChain(CertificateSpec spec) {
        MintedCertificate intermediate = spec.keyType() == CertificateSpec.KeyType.RSA
                ? Authorities.RSA_INTERMEDIATE : Authorities.EC_INTERMEDIATE;
        return signedBy(spec, intermediate);
    }

    /**
     * The test root and intermediate per key type, minted once per JVM (RSA key generation is the
     * slow part of minting; a real CA also issues many leaves). Immutable values, lazily created.
     */
    private static final class Authorities {
        static final MintedCertificate RSA_INTERMEDIATE = intermediate(CertificateSpec.valid());
        static final MintedCertificate EC_INTERMEDIATE = intermediate(CertificateSpec.ecdsa());

        private static MintedCertificate intermediate(CertificateSpec leafLike) {
            MintedCertificate root = selfSigned(authoritySpec(leafLike, "RDP Health Test Root CA"));
            return signedBy(authoritySpec(leafLike, "RDP Health Test Intermediate CA"), root);
        }
    }

    /** A certificate described by {@code spec}, signed by {@code issuer} with {@code spec.signatureAlgorithm()}. */
    public static MintedCertificate signedBy(CertificateSpec spec, MintedCertificate issuer) {
        KeyPair keys = generateKeyPair(spec);
        X500Name issuerName = X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
        X509Certificate certificate = sign(spec, name(spec.subjectCommonName()), keys, issuerName,
                new KeyPair(issuer.certificate().getPublicKey(), issuer.privateKey()), issuer.certificate());
        List<X509Certificate> chain = new ArrayList<>();
        if (!issuer.certificate().equals(issuer.trustAnchor())) {
            chain.add(issuer.certificate());
        }
        chain.addAll(issuer.chain());
        return new MintedCertificate(certificate, keys.getPrivate(), chain, issuer.trustAnchor());
    }

    /** A valid localhost certificate paired with the private key of a different key pair (xrdp: "do not match"). */
    public static MintedCertificate mismatchedKeyPair() {
        return mismatchedKeyPair(CertificateSpec.valid());
    }

    /** A certificate described by {@code spec} paired with another key pair's private key of the same type. */
    public static MintedCertificate mismatchedKeyPair(CertificateSpec spec) {
        MintedCertificate minted = selfSigned(spec);
        KeyPair other = generateKeyPair(spec);
        return new MintedCertificate(minted.certificate(), other.getPrivate(), minted.chain(), minted.trustAnchor());
    }

    private static CertificateSpec authoritySpec(CertificateSpec leaf, String commonName) {
        CertificateSpec.Builder builder = leaf.asAuthority(commonName).toBuilder();
        if (leaf.keyType() == CertificateSpec.KeyType.RSA) {
            builder.signatureAlgorithm("SHA256withRSA");
        } else {
            builder.signatureAlgorithm("SHA256withECDSA");
        }
        return builder.build();
    }

    static KeyPair generateKeyPair(CertificateSpec spec) {
        try {
            KeyPairGenerator generator;
            if (spec.keyType() == CertificateSpec.KeyType.RSA) {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(spec.rsaBits(), RANDOM);
            } else {
                generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + spec.keyType() + " key", e);
        }
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "RDP Health tests")
                .addRDN(BCStyle.CN, commonName).build();
    }

    private static X509Certificate sign(CertificateSpec spec, X500Name subject, KeyPair subjectKeys, X500Name issuer,
            KeyPair issuerKeys, X509Certificate issuerCertificate) {
        try {
            BigInteger serial = new BigInteger(63, RANDOM).add(BigInteger.ONE);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial,
                    Date.from(spec.notBefore()), Date.from(spec.notAfter()), subject, subjectKeys.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            if (issuerCertificate != null) {
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(issuerCertificate));
            }
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(spec.certificateAuthority()));
            int usage = spec.certificateAuthority()
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature
                    : spec.keyType() == CertificateSpec.KeyType.RSA
                            ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                            : KeyUsage.digitalSignature;
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
            if (spec.serverAuth()) {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            } else if (!spec.certificateAuthority()) {
                // An EKU that names only client authentication: what Windows rejects with event 1054.
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            }
            List<GeneralName> names = new ArrayList<>();
            spec.dnsNames().forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
            spec.ipAddresses().forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
            if (!names.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(names.toArray(GeneralName[]::new)));
            }
            var signer = new JcaContentSignerBuilder(spec.signatureAlgorithm()).setProvider(BC).build(issuerKeys.getPrivate());
            // Converted with the JDK's CertificateFactory, so callers get ordinary JDK certificate objects.
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (CertIOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot mint certificate " + spec, e);
        }
    }
}
