package io.rdphealth.probe;

import static io.rdphealth.probe.ProbeRun.wire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rdphealth.check.RdpHealthCheck;
import io.rdphealth.evidence.FailureKind;
import io.rdphealth.evidence.TlsVersion;
import io.rdphealth.evidence.TlsVersionResult;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.report.HealthState;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.TargetResult;
import io.rdphealth.target.Target;
import io.rdphealth.testing.HostilePeer;
import io.rdphealth.testing.HostilePeer.Behaviour;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken peers: each yields a classified, CRITICAL result within the deadline. The
 * peers are in-JVM test servers (HostilePeer) because no real RDP server misbehaves on demand.
 */
class HostilePeerProbeTest {
    private static final Duration DEADLINE = Duration.ofSeconds(3);
    private static final Duration READ = Duration.ofMillis(1500);
    /** Scheduling slack on a loaded 2-core machine; the verdict must still come near the deadline, not after a hang. */
    private static final long SLACK_MILLIS = 1500;

    private static ProbeOptions options() {
        return ProbeOptions.defaults().withTargetDeadline(DEADLINE).withReadTimeout(READ)
                .withConnectTimeout(Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @CsvSource({
        "SILENT, SERVER_SILENT, SILENT",
        "GARBAGE, NOT_RDP, NOT_RDP",
        "HTTP_BANNER, NOT_RDP, NOT_RDP",
        "SSH_BANNER, NOT_RDP, NOT_RDP",
        "TRUNCATED_CONFIRM, CONNECTION_DROPPED, DROPPED",
        "DRIP, SERVER_SILENT, DEADLINE",
        "HUGE_LENGTH, NOT_RDP, MALFORMED",
    })
    void negotiationFailuresAreClassifiedWithinTheDeadline(Behaviour behaviour, FindingId expected, FailureKind kind) {
        try (HostilePeer peer = HostilePeer.start(behaviour)) {
            long start = System.nanoTime();
            TargetResult result = ProbeRun.check(peer.port(), options(), SeverityPolicy.defaults());
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(millis).as("time to verdict").isLessThan(DEADLINE.toMillis() + SLACK_MILLIS);
            assertThat(wire(result).preferred().failure().kind()).isEqualTo(kind);
            assertThat(result.findings().get(0).id()).isEqualTo(expected);
            assertThat(result.state()).isEqualTo(HealthState.CRITICAL);
            assertThat(result.findings().get(0).evidence()).isNotEmpty();
        }
    }

    @Test
    void bannersAreNamedInTheEvidence() {
        try (HostilePeer peer = HostilePeer.start(Behaviour.SSH_BANNER)) {
            TargetResult result = ProbeRun.check(peer.port(), options(), SeverityPolicy.defaults());
            assertThat(String.join(" ", result.findings().get(0).evidence())).contains("SSH banner");
        }
        try (HostilePeer peer = HostilePeer.start(Behaviour.HTTP_BANNER)) {
            TargetResult result = ProbeRun.check(peer.port(), options(), SeverityPolicy.defaults());
            assertThat(String.join(" ", result.findings().get(0).evidence())).contains("HTTP");
        }
    }

    @ParameterizedTest
    @CsvSource({"RESET_AFTER_CONFIRM", "CONFIRM_THEN_PLAINTEXT"})
    void tlsBreakingAfterAValidConfirmIsAHandshakeFailure(Behaviour behaviour) {
        try (HostilePeer peer = HostilePeer.start(behaviour)) {
            long start = System.nanoTime();
            TargetResult result = ProbeRun.check(peer.port(), options(), SeverityPolicy.defaults());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).isLessThan(DEADLINE.toMillis() + SLACK_MILLIS);
            assertThat(wire(result).tls().failure()).isNotNull();
            assertThat(result.findings().get(0).id()).isEqualTo(FindingId.TLS_HANDSHAKE_FAILED);
            assertThat(result.state()).isEqualTo(HealthState.CRITICAL);
        }
    }

    @Test
    void aServerAlwaysClaimingTls11EndsTheVersionScanAfterOneFollowUp() {
        // Offered 1.0 with 1.1 it "picks" 1.1, so 1.0 is asked alone; it claims 1.1 again, which was
        // not offered: 1.0 is refused and the scan ends (the set of open versions only shrinks).
        try (HostilePeer peer = HostilePeer.start(Behaviour.ALWAYS_TLS11_HELLO)) {
            long start = System.nanoTime();
            TargetResult result = ProbeRun.check(peer.port(), options(), SeverityPolicy.defaults());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(millis).isLessThan(DEADLINE.toMillis() + SLACK_MILLIS);
            WireEvidence wire = wire(result);
            assertThat(wire.tlsVersions()).extracting(TlsVersionResult::version, TlsVersionResult::accepted)
                    .containsExactly(tuple(TlsVersion.TLS_1_0, false), tuple(TlsVersion.TLS_1_1, true),
                            tuple(TlsVersion.TLS_1_2, false));
            assertThat(wire.tlsVersions().get(0).detail()).doesNotContain("the server chose");
            assertThat(wire.tls().failure()).as("the main handshake gets a hello and nothing after it").isNotNull();
            // main, policy, TLS 1.2 alone, TLS 1.0 with 1.1, TLS 1.0 alone; plus the six standard-security
            // questions when the in-JVM peer's first handshake was slow enough to make it "far" (asked
            // speculatively, answered with its SSL confirm, dropped but counted).
            assertThat(wire.connections()).isIn(5, 11).isEqualTo(peer.connectionCount());
            assertThat(wire.standardSecurity()).isNull();
        }
    }

    @Test
    void closedPortIsRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        TargetResult result = ProbeRun.check(port, options(), SeverityPolicy.defaults());
        assertThat(result.findings()).extracting(Finding::id).containsExactly(FindingId.TCP_REFUSED);
    }

    /**
     * A listener whose accept queue is full drops further SYNs, which is what a dropping firewall
     * looks like to the client: the connect must time out, classified as TCP_TIMEOUT.
     */
    @Test
    void droppedSynsTimeOut() throws IOException {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket filler = new Socket();
                    try {
                        filler.connect(full.getLocalSocketAddress(), 300);
                        fillers.add(filler);
                    } catch (IOException queueFull) {
                        filler.close();
                        break;
                    }
                }
                ProbeOptions options = options().withConnectTimeout(Duration.ofMillis(800));
                long start = System.nanoTime();
                TargetResult result = ProbeRun.check(full.getLocalPort(), options, SeverityPolicy.defaults());
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertThat(result.findings().get(0).id()).isEqualTo(FindingId.TCP_TIMEOUT);
                assertThat(millis).isLessThan(DEADLINE.toMillis() + SLACK_MILLIS);
            } finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    @Test
    void unresolvableNameIsDnsUnresolved() {
        RunReport report = new RdpHealthCheck(options(), SeverityPolicy.defaults())
                .run(List.of(Target.parse("no-such-host.invalid", 3389)));
        assertThat(report.targets().get(0).findings()).extracting(Finding::id).containsExactly(FindingId.DNS_UNRESOLVED);
        assertThat(report.targets().get(0).addresses()).isEmpty();
    }

    @Test
    void manyTargetsRunConcurrentlyAndComeBackInInputOrder() {
        try (HostilePeer silent = HostilePeer.start(Behaviour.SILENT);
                HostilePeer ssh = HostilePeer.start(Behaviour.SSH_BANNER)) {
            List<Target> targets = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                targets.add(Target.of("127.0.0.1", i % 2 == 0 ? silent.port() : ssh.port()));
            }
            ProbeOptions options = options().withParallelism(6);
            long start = System.nanoTime();
            RunReport report = new RdpHealthCheck(options, SeverityPolicy.defaults()).run(targets);
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(report.targets()).extracting(TargetResult::target).containsExactlyElementsOf(targets);
            for (int i = 0; i < 6; i++) {
                assertThat(report.targets().get(i).findings().get(0).id())
                        .isEqualTo(i % 2 == 0 ? FindingId.SERVER_SILENT : FindingId.NOT_RDP);
            }
            // Three silent targets each wait out the read timeout; in parallel that is one wait, not three.
            assertThat(millis).isLessThan(2 * READ.toMillis() + SLACK_MILLIS);
        }
    }
}
