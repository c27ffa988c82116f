package io.rdphealth.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.testing.CertificateSpec;
import io.rdphealth.testing.MintedCertificate;
import io.rdphealth.testing.TestPki;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import org.bouncycastle.tls.CertificateType;
import org.bouncycastle.tls.SignatureScheme;
import org.bouncycastle.tls.crypto.Tls13Verifier;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.Test;

/**
 * The probe's crypto skips only BouncyCastle's modulus validation: a TLS 1.3 CertificateVerify
 * signature is still checked, with the same verdicts as BouncyCastle's own crypto, for RSA and EC
 * certificates, and a signature by another key is still refused.
 */
class ProbeTlsCryptoTest {
    private static final byte[] TRANSCRIPT = "the handshake transcript a server signs".getBytes(StandardCharsets.US_ASCII);

    private static byte[] signPss(PrivateKey key) throws Exception {
        Signature signature = Signature.getInstance("RSASSA-PSS");
        signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        signature.initSign(key);
        signature.update(TRANSCRIPT);
        return signature.sign();
    }

    private static byte[] signEcdsa(PrivateKey key) throws Exception {
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(key);
        signature.update(TRANSCRIPT);
        return signature.sign();
    }

    private static boolean verify(BcTlsCrypto crypto, MintedCertificate certificate, int scheme, byte[] signature)
            throws Exception {
        TlsCertificate parsed = crypto.createCertificate(CertificateType.X509, certificate.certificate().getEncoded());
        Tls13Verifier verifier = parsed.createVerifier(scheme);
        try (OutputStream out = verifier.getOutputStream()) {
            out.write(TRANSCRIPT);
        }
        return verifier.verifySignature(signature);
    }

    @Test
    void rsaSignaturesAreStillVerified() throws Exception {
        MintedCertificate server = TestPki.selfSigned(CertificateSpec.valid());
        MintedCertificate other = TestPki.selfSigned(CertificateSpec.valid());
        BcTlsCrypto probe = new ProbeTlsCrypto(new SecureRandom());
        BcTlsCrypto reference = new BcTlsCrypto(new SecureRandom());
        int scheme = SignatureScheme.rsa_pss_rsae_sha256;

        byte[] good = signPss(server.privateKey());
        byte[] wrongKey = signPss(other.privateKey());
        assertThat(verify(probe, server, scheme, good)).isTrue();
        assertThat(verify(probe, server, scheme, wrongKey)).as("signed by a key that is not the certificate's").isFalse();
        assertThat(verify(reference, server, scheme, good)).isTrue();
        assertThat(verify(reference, server, scheme, wrongKey)).isFalse();
        byte[] tampered = good.clone();
        tampered[tampered.length / 2] ^= 1;
        assertThat(verify(probe, server, scheme, tampered)).isFalse();
    }

    @Test
    void ecCertificatesTakeBouncyCastlesOwnPath() throws Exception {
        MintedCertificate server = TestPki.selfSigned(CertificateSpec.ecdsa());
        MintedCertificate other = TestPki.selfSigned(CertificateSpec.ecdsa());
        BcTlsCrypto probe = new ProbeTlsCrypto(new SecureRandom());
        int scheme = SignatureScheme.ecdsa_secp256r1_sha256;

        assertThat(verify(probe, server, scheme, signEcdsa(server.privateKey()))).isTrue();
        assertThat(verify(probe, server, scheme, signEcdsa(other.privateKey()))).isFalse();
    }

    @Test
    void noncesComeFromTheGivenSecureRandomFreshEachTime() {
        java.util.concurrent.atomic.AtomicInteger draws = new java.util.concurrent.atomic.AtomicInteger();
        java.security.SecureRandom counting = new java.security.SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                draws.incrementAndGet();
                super.nextBytes(bytes);
            }
        };
        org.bouncycastle.tls.crypto.TlsNonceGenerator nonces = new ProbeTlsCrypto(counting).createNonceGenerator(new byte[0]);
        byte[] first = nonces.generateNonce(32);
        byte[] second = nonces.generateNonce(32);
        assertThat(first).hasSize(32).isNotEqualTo(second);
        assertThat(nonces.generateNonce(12)).hasSize(12);
        assertThat(draws.get()).isEqualTo(3);
    }
}
