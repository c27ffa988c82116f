package io.rdphealth.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * A certificate with its private key, as minted by {@link TestPki}.
 *
 * @param certificate the leaf (server) certificate
 * @param privateKey the private key the server uses; for {@link TestPki#mismatchedKeyPair()} it does
 *                   NOT belong to {@code certificate}
 * @param chain the issuer certificates a server sends after the leaf (intermediates; empty when
 *              self-signed or signed directly by the root)
 * @param trustAnchor the root that signed the chain (the leaf itself when self-signed)
 */
public record MintedCertificate(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> chain,
        X509Certificate trustAnchor) {

    public MintedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        Objects.requireNonNull(trustAnchor, "trustAnchor");
    }

    /** Leaf followed by the chain: what the server presents. */
    public List<X509Certificate> fullChain() {
        List<X509Certificate> all = new ArrayList<>();
        all.add(certificate);
        all.addAll(chain);
        return List.copyOf(all);
    }

    /** Leaf and chain as concatenated PEM blocks. */
    public String certificatePem() {
        return pem(fullChain().toArray());
    }

    /** The private key as an unencrypted PKCS#8 PEM block ({@code -----BEGIN PRIVATE KEY-----}), read by OpenSSL 3 and FreeRDP. */
    public String privateKeyPem() {
        try {
            return pem(new JcaPKCS8Generator(privateKey, null).generate());
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IllegalStateException("cannot encode private key", e);
        }
    }

    /** The trust anchor as PEM (for trust stores of clients that validate). */
    public String trustAnchorPem() {
        return pem(trustAnchor);
    }

    /**
     * Writes leaf+chain PEM to {@code certFile} and the unencrypted key PEM to {@code keyFile}
     * (created or replaced; parent directories must exist). File permissions are left to the caller.
     */
    public void writePem(Path certFile, Path keyFile) {
        try {
            Files.writeString(certFile, certificatePem(), StandardCharsets.US_ASCII);
            Files.writeString(keyFile, privateKeyPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write PEM files " + certFile + ", " + keyFile, e);
        }
    }

    private static String pem(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PEM", e);
        }
        return text.toString();
    }
}
