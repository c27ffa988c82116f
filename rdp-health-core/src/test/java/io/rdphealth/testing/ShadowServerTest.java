package io.rdphealth.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.testing.RawX224Client.TlsAttempt;
import io.rdphealth.testing.ShadowServer.Security;
import io.rdphealth.wire.NtlmChallenge;
import io.rdphealth.wire.X224Confirm;
import io.rdphealth.wire.X224Confirm.NegotiationFailure;
import io.rdphealth.wire.X224Confirm.NegotiationResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verifies the freerdp-shadow-cli behaviour table of rdp-facts.md against real shadow servers under the shared Xvfb. */
class ShadowServerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void nlaSelectsHybridAndAnswersAnNtlmChallenge() throws Exception {
        try (ShadowServer server = ShadowServer.builder().nlaAccount("alice", "EXAMPLE", "Secret-1").start()) {
            assertThat(server.samFile()).isPresent();
            assertThat(Files.readString(server.samFile().orElseThrow()).strip())
                    .isEqualTo("alice:EXAMPLE::" + ShadowServer.ntHash("Secret-1") + ":::");
            for (int requested : new int[] {0x02, 0x03, 0x0B}) {
                assertThat(RawX224Client.negotiate(server.port(), requested, TIMEOUT)).as("asked 0x%X", requested)
                        .isEqualTo(new NegotiationResponse(0x03, 0x02));
            }
            assertThat(RawX224Client.negotiate(server.port(), 0x00, TIMEOUT)).isEqualTo(new NegotiationFailure(5));
            assertThat(RawX224Client.negotiate(server.port(), 0x01, TIMEOUT)).isEqualTo(new NegotiationFailure(5));

            NtlmChallenge challenge = RawX224Client.ntlmChallenge(server.port(), TIMEOUT);
            assertThat(challenge.negotiateFlags()).isNotZero();
            assertThat(challenge.netbiosComputer()).isNotBlank();
        }
    }

    @Test
    void tlsRefusesRdpAndRdpRefusesTls() throws Exception {
        try (ShadowServer tls = ShadowServer.builder().security(Security.TLS).start();
                ShadowServer rdp = ShadowServer.builder().security(Security.RDP).start()) {
            assertThat(tls.samFile()).isEmpty();
            assertThat(RawX224Client.negotiate(tls.port(), 0x00, TIMEOUT)).isEqualTo(new NegotiationFailure(1));
            X224Confirm ssl = RawX224Client.negotiate(tls.port(), 0x01, TIMEOUT);
            assertThat(ssl).isInstanceOf(NegotiationResponse.class);
            assertThat(((NegotiationResponse) ssl).selectedProtocol()).isEqualTo(0x01);

            assertThat(RawX224Client.negotiate(rdp.port(), 0x01, TIMEOUT)).isEqualTo(new NegotiationFailure(2));
            assertThat(RawX224Client.negotiate(rdp.port(), 0x02, TIMEOUT)).isEqualTo(new NegotiationFailure(2));
            assertThat(RawX224Client.negotiate(rdp.port(), 0x03, TIMEOUT)).isEqualTo(new NegotiationFailure(2));
        }
    }

    @Test
    void servesTheGivenCertificateAndStillHandshakesAfterAFailure() throws Exception {
        MintedCertificate given = TestPki.selfSigned(CertificateSpec.expired());
        try (ShadowServer server = ShadowServer.builder().security(Security.TLS).certificate(given).start()) {
            assertThat(server.certFile()).exists();
            TlsAttempt normal = RawX224Client.negotiateThenTls(server.port(), 0x01, TIMEOUT);
            assertThat(normal.handshakeCompleted()).as(normal.failure()).isTrue();
            assertThat(normal.peerCertificates().get(0)).isEqualTo(given.certificate());

            // Quirk from rdp-facts.md: after a negotiation failure FreeRDP still accepts a TLS handshake.
            TlsAttempt afterFailure = RawX224Client.negotiateThenTls(server.port(), 0x00, TIMEOUT);
            assertThat(afterFailure.confirm()).isEqualTo(new NegotiationFailure(1));
            assertThat(afterFailure.handshakeCompleted()).as(afterFailure.failure()).isTrue();
        }
    }

    @Test
    void keepsItsGeneratedCertificateInItsOwnHomeAndLeavesNothingOnClose() throws Exception {
        ShadowServer server = ShadowServer.start();
        Path home = server.home();
        int port = server.port();
        assertThat(home).startsWith(Path.of(System.getProperty("java.io.tmpdir")));
        TlsAttempt attempt = RawX224Client.negotiateThenTls(server.port(), 0x02, TIMEOUT);
        assertThat(attempt.handshakeCompleted()).as(attempt.failure()).isTrue();
        assertThat(server.certFile()).exists();
        List<ProcessHandle> tree = new ArrayList<>(server.processHandle().descendants().toList());
        tree.add(server.processHandle());

        server.close();

        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(LoopbackPorts.accepts(port, Duration.ofMillis(500))).isFalse();
        assertThat(home).doesNotExist();
        assertThat(SharedXvfb.isRunning()).as("the shared Xvfb outlives one server").isTrue();
    }

    @Test
    void ntHashIsMd4OfUtf16LePassword() {
        // MS-NLMP 4.2.2.1.2 test vector: NTOWFv1("Password").
        assertThat(ShadowServer.ntHash("Password")).isEqualTo("A4F49C406510BDCAB6824EE7C30FD852");
        assertThat(ShadowServer.samLine("u", "D", "Password")).isEqualTo("u:D::A4F49C406510BDCAB6824EE7C30FD852:::");
    }
}
