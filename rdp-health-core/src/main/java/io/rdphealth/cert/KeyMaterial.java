package io.rdphealth.cert;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * A private key with its certificate chain (leaf first), and the checks made on such a pair.
 * The BouncyCastle provider is used as an instance, never registered globally (this code runs
 * inside Jenkins, where a global provider change affects everything else).
 *
 * @param privateKey the key
 * @param chain      leaf first
 */
public record KeyMaterial(PrivateKey privateKey, List<X509Certificate> chain) {
    /** One provider instance for this library; providers are stateless for our uses. */
    static final Provider BC = new BouncyCastleProvider();

    public KeyMaterial {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a key pair needs its certificate");
        }
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** The certificate chain as PEM, leaf first (what xrdp's certificate= file holds). */
    public String certificatePem() throws GeneralSecurityException {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : chain) {
            pem.append(io.rdphealth.probe.cert.CertificateDecoder.pem(certificate.getEncoded()));
        }
        return pem.toString();
    }

    /** The private key as unencrypted PKCS#8 PEM (what xrdp's key_file= holds). */
    public String privateKeyPem() {
        return "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(privateKey.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** Whether the key and the leaf certificate belong together. */
    public boolean matches() {
        return matches(privateKey, leaf().getPublicKey());
    }

    /**
     * Whether {@code privateKey} is the private half of {@code publicKey}: a random challenge
     * signed with one verifies with the other (works for RSA and EC alike).
     */
    public static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        String algorithm = switch (publicKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null || !algorithmFamily(privateKey).equals(algorithmFamily(publicKey))) {
            return false;
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm, BC);
            signer.initSign(privateKey);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm, BC);
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String algorithmFamily(java.security.Key key) {
        String algorithm = key.getAlgorithm();
        return "ECDSA".equals(algorithm) ? "EC" : algorithm;
    }
}
