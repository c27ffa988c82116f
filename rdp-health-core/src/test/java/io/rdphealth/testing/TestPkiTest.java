package io.rdphealth.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The minted certificates have exactly the properties their specs name, and OpenSSL reads the PEM files. */
class TestPkiTest {
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    @Test
    void validCertificateForLocalhost() throws Exception {
        X509Certificate cert = TestPki.selfSigned(CertificateSpec.valid()).certificate();
        cert.checkValidity();
        assertThat(cert.getSubjectX500Principal().getName()).contains("CN=localhost");
        assertThat(sans(cert)).containsExactlyInAnyOrder(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        assertThat(((RSAPublicKey) cert.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(cert.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(cert.getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        cert.verify(cert.getPublicKey());
    }

    @Test
    void validForAnIpLiteralUsesAnIpSan() throws Exception {
        X509Certificate cert = TestPki.selfSigned(CertificateSpec.valid("10.1.2.3")).certificate();
        assertThat(sans(cert)).containsExactly(List.of(7, "10.1.2.3"));
    }

    @Test
    void validityWindowsInThePastAndFuture() throws Exception {
        X509Certificate expired = TestPki.selfSigned(CertificateSpec.expired()).certificate();
        assertThatThrownBy(expired::checkValidity).isInstanceOf(CertificateExpiredException.class);
        X509Certificate future = TestPki.selfSigned(CertificateSpec.notYetValid()).certificate();
        assertThatThrownBy(future::checkValidity).isInstanceOf(CertificateNotYetValidException.class);

        X509Certificate soon = TestPki.selfSigned(CertificateSpec.expiringInDays(10)).certificate();
        soon.checkValidity();
        Duration left = Duration.between(Instant.now(), soon.getNotAfter().toInstant());
        assertThat(left).isBetween(Duration.ofDays(9), Duration.ofDays(10));

        Instant from = Instant.parse("2001-02-03T04:05:06Z");
        Instant to = Instant.parse("2002-02-03T04:05:06Z");
        X509Certificate old = TestPki.selfSigned(CertificateSpec.valid().toBuilder().notBefore(from).notAfter(to).build()).certificate();
        assertThat(old.getNotBefore().toInstant()).isEqualTo(from);
        assertThat(old.getNotAfter().toInstant()).isEqualTo(to);
    }

    @Test
    void weakAndUnusualCertificates() throws Exception {
        X509Certificate wrongHost = TestPki.selfSigned(CertificateSpec.wrongHost()).certificate();
        assertThat(sans(wrongHost)).containsExactly(List.of(2, CertificateSpec.WRONG_HOST));
        assertThat(wrongHost.getSubjectX500Principal().getName()).doesNotContain("localhost");

        X509Certificate small = TestPki.selfSigned(CertificateSpec.rsa1024()).certificate();
        assertThat(((RSAPublicKey) small.getPublicKey()).getModulus().bitLength()).isEqualTo(1024);

        X509Certificate sha1 = TestPki.selfSigned(CertificateSpec.sha1Signed()).certificate();
        assertThat(sha1.getSigAlgName()).isEqualTo("SHA1withRSA");

        X509Certificate ec = TestPki.selfSigned(CertificateSpec.ecdsa()).certificate();
        assertThat(ec.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) ec.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(ec.getSigAlgName()).isEqualTo("SHA256withECDSA");
        ec.verify(ec.getPublicKey());

        X509Certificate clientOnly = TestPki.selfSigned(CertificateSpec.withoutServerAuth()).certificate();
        assertThat(clientOnly.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    }

    @Test
    void caSignedChainValidatesUpToItsRoot() throws Exception {
        MintedCertificate minted = TestPki.caSignedChain(CertificateSpec.valid());
        assertThat(minted.chain()).hasSize(1);
        X509Certificate intermediate = minted.chain().get(0);
        X509Certificate root = minted.trustAnchor();
        assertThat(minted.certificate().getIssuerX500Principal()).isEqualTo(intermediate.getSubjectX500Principal());
        assertThat(intermediate.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
        assertThat(intermediate.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(minted.fullChain()).containsExactly(minted.certificate(), intermediate);

        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(minted.fullChain()), parameters);
    }

    @Test
    void mismatchedKeyPairDoesNotSignForItsCertificate() throws Exception {
        MintedCertificate minted = TestPki.mismatchedKeyPair();
        assertThat(verifies(minted, minted.certificate().getPublicKey())).isFalse();
        MintedCertificate matching = TestPki.selfSigned(CertificateSpec.valid());
        assertThat(verifies(matching, matching.certificate().getPublicKey())).isTrue();
    }

    @Test
    void pemFilesAreReadByTheJdkAndOpenSsl(@TempDir Path dir) throws Exception {
        MintedCertificate minted = TestPki.caSignedChain(CertificateSpec.valid());
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        minted.writePem(cert, key);

        try (InputStream in = Files.newInputStream(cert)) {
            List<java.security.cert.Certificate> read = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            assertThat(read).containsExactlyElementsOf(List.<java.security.cert.Certificate>copyOf(minted.fullChain()));
        }
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----").doesNotContain("ENCRYPTED");

        // OpenSSL 3 (what xrdp links) derives the same public key from the key file as the certificate holds.
        String fromKey = run("openssl", "pkey", "-in", key.toString(), "-pubout");
        String fromCert = run("openssl", "x509", "-in", cert.toString(), "-noout", "-pubkey");
        assertThat(fromKey).startsWith("-----BEGIN PUBLIC KEY-----").isEqualTo(fromCert);

        MintedCertificate ec = TestPki.selfSigned(CertificateSpec.ecdsa());
        ec.writePem(cert, key);
        assertThat(run("openssl", "pkey", "-in", key.toString(), "-pubout"))
                .isEqualTo(run("openssl", "x509", "-in", cert.toString(), "-noout", "-pubkey"));
    }

    @Test
    void neverRegistersBouncyCastleGlobally() {
        TestPki.selfSigned(CertificateSpec.sha1Signed());
        assertThat(Security.getProvider("BC")).isNull();
    }

    @Test
    void rejectsAnEmptyValidityWindow() {
        Instant now = Instant.now();
        assertThatThrownBy(() -> CertificateSpec.valid().toBuilder().notBefore(now).notAfter(now).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("notAfter");
    }

    private static boolean verifies(MintedCertificate minted, PublicKey key) throws Exception {
        byte[] data = "probe".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(minted.privateKey());
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(key);
        verifier.update(data);
        return verifier.verify(signature);
    }

    private static List<List<?>> sans(X509Certificate cert) throws Exception {
        return cert.getSubjectAlternativeNames().stream().<List<?>>map(List::copyOf).toList();
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), output).isZero();
            return output;
        } finally {
            process.destroyForcibly();
        }
    }
}
