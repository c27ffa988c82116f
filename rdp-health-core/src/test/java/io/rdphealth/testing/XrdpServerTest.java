package io.rdphealth.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.testing.RawX224Client.TlsAttempt;
import io.rdphealth.testing.XrdpServer.SecurityLayer;
import io.rdphealth.wire.X224Confirm;
import io.rdphealth.wire.X224Confirm.NegotiationFailure;
import io.rdphealth.wire.X224Confirm.NegotiationResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Verifies the xrdp behaviour table of rdp-facts.md against a real xrdp started by the fixture. */
class XrdpServerTest {
    private static final int RDP = 0;
    private static final int SSL = 1;
    private static final int HYBRID = 2;
    private static final int SSL_HYBRID = 3;
    private static final int SSL_HYBRID_EX = 0x0B;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void negotiateAnswersEveryRowOfTheTable() throws Exception {
        try (XrdpServer server = XrdpServer.start()) {
            assertThat(server.port()).isNotEqualTo(3389);
            assertSelected(server, RDP, RDP);
            assertSelected(server, SSL, SSL);
            assertSelected(server, SSL_HYBRID, SSL);
            assertSelected(server, SSL_HYBRID_EX, SSL);
            // xrdp has no CredSSP: HYBRID alone falls back to RDP instead of failing.
            assertSelected(server, HYBRID, RDP);
        }
    }

    @Test
    void tlsLayerRefusesRdpAndHybridOnly() throws Exception {
        try (XrdpServer server = XrdpServer.builder().securityLayer(SecurityLayer.TLS).start()) {
            assertFailure(server, RDP, 1);
            assertFailure(server, HYBRID, 1);
            assertSelected(server, SSL, SSL);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {RDP, SSL, HYBRID, SSL_HYBRID, SSL_HYBRID_EX})
    void rdpLayerAlwaysSelectsRdp(int requested) throws Exception {
        try (XrdpServer server = XrdpServer.builder().securityLayer(SecurityLayer.RDP).start()) {
            assertSelected(server, requested, RDP);
        }
    }

    @Test
    void tlsLayerWithUnreadableKeyAnswersCertNotOnServer() throws Exception {
        try (XrdpServer server = XrdpServer.builder().securityLayer(SecurityLayer.TLS).keyUnreadableByServer(true).start()) {
            assertFailure(server, SSL, 3);
            assertThat(LoopbackPorts.await(() -> server.logContains("Permission denied"), TIMEOUT))
                    .as("log: %s", server.logLines()).isTrue();
        }
    }

    @Test
    void negotiateWithUnreadableKeySilentlyDowngradesToRdp() throws Exception {
        try (XrdpServer server = XrdpServer.builder().keyUnreadableByServer(true).start()) {
            if (Executables.runningAsRoot()) {
                assertThat(server.user()).isEqualTo(XrdpServer.XRDP_USER);
                assertThat(server.processHandle().info().user()).contains(XrdpServer.XRDP_USER);
                assertThat(Files.getOwner(server.keyFile()).getName()).isEqualTo("root");
            }
            assertSelected(server, SSL, RDP);
            assertSelected(server, SSL_HYBRID_EX, RDP);
            assertThat(LoopbackPorts.await(() -> server.logContains(
                    "Cannot accept TLS connections because certificate or private key file is not readable"), TIMEOUT))
                    .as("log: %s", server.logLines()).isTrue();
        }
    }

    @Test
    void unprivilegedServerWithReadableKeyCompletesTls() throws Exception {
        if (!Executables.runningAsRoot()) {
            return; // running as another user needs root; covered by the other tests otherwise
        }
        try (XrdpServer server = XrdpServer.builder().runAsUser(XrdpServer.XRDP_USER).start()) {
            assertThat(server.processHandle().info().user()).contains(XrdpServer.XRDP_USER);
            TlsAttempt attempt = RawX224Client.negotiateThenTls(server.port(), SSL, TIMEOUT);
            assertThat(attempt.handshakeCompleted()).as(attempt.failure()).isTrue();
        }
    }

    @Test
    void smallKeyConfirmsSslThenBreaksTheHandshake() throws Exception {
        try (XrdpServer server = XrdpServer.builder().certificate(TestPki.selfSigned(CertificateSpec.rsa1024())).start()) {
            TlsAttempt attempt = RawX224Client.negotiateThenTls(server.port(), SSL, TIMEOUT);
            assertThat(attempt.confirm()).isEqualTo(new NegotiationResponse(1, SSL));
            assertThat(attempt.handshakeCompleted()).isFalse();
            assertThat(LoopbackPorts.await(() -> server.logContains("ee key too small"), TIMEOUT))
                    .as("log: %s", server.logLines()).isTrue();
        }
    }

    @Test
    void mismatchedKeyConfirmsSslThenBreaksTheHandshake() throws Exception {
        try (XrdpServer server = XrdpServer.builder().certificate(TestPki.mismatchedKeyPair()).start()) {
            TlsAttempt attempt = RawX224Client.negotiateThenTls(server.port(), SSL, TIMEOUT);
            assertThat(attempt.confirm()).isEqualTo(new NegotiationResponse(1, SSL));
            assertThat(attempt.handshakeCompleted()).isFalse();
            assertThat(LoopbackPorts.await(() -> server.logContains("do not match"), TIMEOUT))
                    .as("log: %s", server.logLines()).isTrue();
        }
    }

    @Test
    void weakSettingsServeA1024BitKey() throws Exception {
        MintedCertificate weak = TestPki.selfSigned(CertificateSpec.rsa1024());
        try (XrdpServer server = XrdpServer.builder().certificate(weak).weakTlsAllowed().start()) {
            assertThat(Files.readString(server.iniFile())).contains("tls_ciphers=DEFAULT:@SECLEVEL=0")
                    .contains("ssl_protocols=TLSv1, TLSv1.1, TLSv1.2, TLSv1.3");
            TlsAttempt attempt = RawX224Client.negotiateThenTls(server.port(), SSL, TIMEOUT);
            assertThat(attempt.handshakeCompleted()).as(attempt.failure()).isTrue();
            assertThat(((RSAPublicKey) attempt.peerCertificates().get(0).getPublicKey()).getModulus().bitLength())
                    .isEqualTo(1024);
        }
    }

    @Test
    void servesExpiredCertificatesAndChainsAsGiven() throws Exception {
        MintedCertificate expired = TestPki.selfSigned(CertificateSpec.expired());
        try (XrdpServer server = XrdpServer.builder().certificate(expired).start()) {
            TlsAttempt attempt = RawX224Client.negotiateThenTls(server.port(), SSL, TIMEOUT);
            assertThat(attempt.peerCertificates()).containsExactly(expired.certificate());

            // xrdp re-reads the files on every connection: a renewed chain is served without a restart.
            MintedCertificate chained = TestPki.caSignedChain(CertificateSpec.valid());
            chained.writePem(server.certFile(), server.keyFile());
            TlsAttempt renewed = RawX224Client.negotiateThenTls(server.port(), SSL, TIMEOUT);
            assertThat(renewed.peerCertificates()).containsExactlyElementsOf(chained.fullChain()).hasSize(2);
        }
    }

    @Test
    void servesGivenFilesInPlace(@TempDir Path dir) throws Exception {
        MintedCertificate ecdsa = TestPki.selfSigned(CertificateSpec.ecdsa());
        Path cert = dir.resolve("c.pem");
        Path key = dir.resolve("k.pem");
        ecdsa.writePem(cert, key);
        try (XrdpServer server = XrdpServer.builder().certificateFiles(cert, key).securityLayer(SecurityLayer.TLS).start()) {
            assertThat(server.certFile()).isEqualTo(cert.toAbsolutePath());
            TlsAttempt attempt = RawX224Client.negotiateThenTls(server.port(), SSL, TIMEOUT);
            assertThat(attempt.peerCertificates()).containsExactly(ecdsa.certificate());
        }
        assertThat(cert).exists();
    }

    @Test
    void bindsLoopbackOnlyAndCloseLeavesNothingBehind() throws Exception {
        XrdpServer server = XrdpServer.builder().fork(true).start();
        int port = server.port();
        ProcessHandle handle = server.processHandle();
        Path directory = server.directory();
        // Two connections so that the forked per-connection children exist while closing.
        RawX224Client.negotiate(port, SSL, TIMEOUT);
        List<String> listeners = ss();
        assertThat(listeners).anyMatch(line -> line.contains("127.0.0.1:" + port + " "));
        assertThat(listeners).noneMatch(line -> line.matches(".*(0\\.0\\.0\\.0|\\*|\\[::\\]):" + port + "\\s.*"));
        List<ProcessHandle> tree = new java.util.ArrayList<>(handle.descendants().toList());
        tree.add(handle);

        server.close();

        // A forked child may still be a zombie waiting for PID 1 to reap it (every second or two
        // here): it runs no code and holds no port, so it counts as gone (ProcessReaper.isGone).
        assertThat(tree).allMatch(ProcessReaper::isGone);
        assertThat(server.isAlive()).isFalse();
        assertThat(LoopbackPorts.accepts(port, Duration.ofMillis(500))).isFalse();
        assertThat(directory).doesNotExist();
        server.close(); // idempotent
    }

    @Test
    void startFailureReportsTheLogTail() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, LoopbackPorts.LOOPBACK)) {
            XrdpServer.Builder builder = XrdpServer.builder()
                    .setting("port", "tcp://.:" + taken.getLocalPort()).startupTimeout(Duration.ofSeconds(5));
            org.assertj.core.api.Assertions.assertThatThrownBy(builder::start)
                    .isInstanceOf(ServerStartException.class)
                    .hasMessageContaining("exited before listening")
                    .hasMessageContaining("xrdp.log");
        }
    }

    private static List<String> ss() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ss", "-ltnH").redirectErrorStream(true).start();
        try {
            assertThat(process.waitFor(5, TimeUnit.SECONDS)).isTrue();
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } finally {
            process.destroyForcibly();
        }
    }

    private static void assertSelected(XrdpServer server, int requested, int selected) throws Exception {
        X224Confirm confirm = RawX224Client.negotiate(server.port(), requested, TIMEOUT);
        assertThat(confirm).as("asked 0x%X", requested).isInstanceOf(NegotiationResponse.class);
        assertThat(((NegotiationResponse) confirm).selectedProtocol()).as("asked 0x%X", requested).isEqualTo(selected);
    }

    private static void assertFailure(XrdpServer server, int requested, int code) throws Exception {
        X224Confirm confirm = RawX224Client.negotiate(server.port(), requested, TIMEOUT);
        assertThat(confirm).as("asked 0x%X", requested).isEqualTo(new NegotiationFailure(code));
    }
}
