package io.rdphealth.explain;

import static io.rdphealth.finding.FindingId.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.check.RdpHealthCheck;
import io.rdphealth.finding.FindingId;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.probe.ProbeOptions;
import io.rdphealth.report.RunReport;
import io.rdphealth.target.Target;
import io.rdphealth.testing.CertificateSpec;
import io.rdphealth.testing.LoopbackPorts;
import io.rdphealth.testing.MintedCertificate;
import io.rdphealth.testing.TestPki;
import io.rdphealth.testing.XrdpServer;
import io.rdphealth.testing.XrdpServer.SecurityLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verdict over run reports from real probes of real servers (xrdp from the fixture, a closed
 * loopback port): which of a code's causes hold, which the evidence rules out, which stay open.
 */
class CauseVerdictTest {
    private static final ProbeOptions FAST = ProbeOptions.defaults()
            .withConnectTimeout(Duration.ofSeconds(2)).withReadTimeout(Duration.ofSeconds(2))
            .withTargetDeadline(Duration.ofSeconds(8));

    private final CodeExplainer explainer = new CodeExplainer();
    private final Explanation socketClosedServerDenied = explainer.explain(0x904, 7L);

    private static RunReport probe(int port) {
        return new RdpHealthCheck(FAST, SeverityPolicy.defaults()).run(List.of(Target.of("127.0.0.1", port)));
    }

    private static CauseVerdict verdict(Explanation explanation, RunReport report) {
        List<CauseVerdict> verdicts = CauseVerdict.judge(explanation, report);
        assertThat(verdicts).hasSize(1);
        return verdicts.get(0);
    }

    private static List<FindingId> ids(List<? extends CauseStatus> statuses) {
        return statuses.stream().map(CauseStatus::id).toList();
    }

    private static <T extends CauseStatus> T status(List<T> statuses, FindingId id) {
        return statuses.stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + statuses));
    }

    @Test
    void tlsOnlyXrdpWithUnreadableKeyConfirmsCertNotOnServer() {
        try (XrdpServer server = XrdpServer.builder().securityLayer(SecurityLayer.TLS).keyUnreadableByServer(true).start()) {
            CauseVerdict v = verdict(socketClosedServerDenied, probe(server.port()));

            assertThat(v.failedAt()).isEqualTo(Stage.NEGOTIATION);
            assertThat(ids(v.holds())).containsExactly(NEG_CERT_NOT_ON_SERVER);
            assertThat(v.holds().get(0).candidate()).isTrue();
            assertThat(v.holds().get(0).finding().evidence()).isNotEmpty();
            // The server refuses in X.224 already: no TLS handshake, no drop, no downgrade.
            assertThat(ids(v.ruledOut())).contains(TLS_HANDSHAKE_FAILED, CONNECTION_DROPPED, TLS_DOWNGRADED_TO_RDP,
                    TLS_NO_MODERN_VERSION, XRDP_CERT_KEY_MISMATCH, XRDP_TLS_PROTOCOLS_RESTRICTED, FIREWALL_RULE_BLOCKING);
            assertThat(status(v.ruledOut(), TLS_HANDSHAKE_FAILED).why())
                    .contains("fails at X.224 security negotiation (NEG_CERT_NOT_ON_SERVER)");
            // Which host fact makes the certificate unusable is for host inspection to say.
            assertThat(status(v.open(), XRDP_KEY_UNREADABLE).settledBy()).isEqualTo(Check.INSPECT_XRDP);
            assertThat(status(v.open(), CERT_KEY_ACCESS_DENIED).settledBy()).isEqualTo(Check.INSPECT_WINDOWS);
            assertThat(status(v.open(), GATEWAY_TLS_FAILED).settledBy()).isEqualTo(Check.GATEWAY_PROBE);
            assertThat(v.statuses()).hasSize(socketClosedServerDenied.causes().size());
        }
    }

    @Test
    void tlsOnlyXrdpWhoseKeyFileIsDeletedConfirmsCertNotOnServer(@TempDir Path dir) throws Exception {
        MintedCertificate certificate = TestPki.selfSigned(CertificateSpec.valid());
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        certificate.writePem(cert, key);
        try (XrdpServer server = XrdpServer.builder().certificateFiles(cert, key).securityLayer(SecurityLayer.TLS).start()) {
            Files.delete(key); // xrdp reads the pair on every connection
            CauseVerdict v = verdict(socketClosedServerDenied, probe(server.port()));
            assertThat(ids(v.holds())).containsExactly(NEG_CERT_NOT_ON_SERVER);
            assertThat(ids(v.open())).contains(XRDP_CERT_MISSING, XRDP_KEY_UNREADABLE);
        }
    }

    @Test
    void negotiateXrdpWithUnreadableKeyConfirmsTheSilentDowngrade() {
        try (XrdpServer server = XrdpServer.builder().keyUnreadableByServer(true).start()) {
            CauseVerdict v = verdict(socketClosedServerDenied, probe(server.port()));
            assertThat(v.failedAt()).isEqualTo(Stage.NEGOTIATION);
            assertThat(ids(v.holds())).containsExactly(TLS_DOWNGRADED_TO_RDP);
            assertThat(ids(v.ruledOut())).contains(NEG_CERT_NOT_ON_SERVER, TLS_HANDSHAKE_FAILED);
            assertThat(ids(v.open())).contains(XRDP_KEY_UNREADABLE);
        }
    }

    @Test
    void closedPortHoldsTcpRefusedAndRulesOutEveryCertificateCause() {
        int port = LoopbackPorts.freePort();
        RunReport report = probe(port);
        CauseVerdict v = verdict(socketClosedServerDenied, report);

        assertThat(v.failedAt()).isEqualTo(Stage.TCP);
        assertThat(ids(v.holds())).containsExactly(TCP_REFUSED);
        assertThat(v.holds().get(0).candidate()).as("0x904 does not usually come from a refused connect").isFalse();
        assertThat(ids(v.ruledOut())).contains(NEG_CERT_NOT_ON_SERVER, TLS_HANDSHAKE_FAILED, CONNECTION_DROPPED,
                TLS_DOWNGRADED_TO_RDP, CERT_KEY_ACCESS_DENIED, CERT_KEY_MISSING, MACHINEKEYS_ACL_BROKEN,
                SCHANNEL_TLS12_DISABLED, CIPHER_POLICY_RESTRICTIVE, XRDP_KEY_UNREADABLE, XRDP_CERT_MISSING);
        assertThat(status(v.ruledOut(), CERT_KEY_ACCESS_DENIED).why()).contains("already fails at TCP connect (TCP_REFUSED)");
        // A firewall block rule could be what refuses: only the host can tell.
        assertThat(status(v.open(), FIREWALL_RULE_BLOCKING).why()).contains("TCP connect fails (TCP_REFUSED)");

        // For the code a refused connect really gives, the same finding is the expected cause.
        CauseVerdict connectFailed = verdict(explainer.explain(0x204), report);
        assertThat(ids(connectFailed.holds())).containsExactly(TCP_REFUSED);
        assertThat(connectFailed.holds().get(0).candidate()).isTrue();
        assertThat(ids(connectFailed.open())).contains(XRDP_NOT_RUNNING, RDP_DISABLED, FIREWALL_RULE_DISABLED);
    }

    @Test
    void healthyXrdpRulesOutTheWireCausesAndLeavesOnlyWhatTheWireCannotSee() {
        try (XrdpServer server = XrdpServer.builder().securityLayer(SecurityLayer.NEGOTIATE).start()) {
            CauseVerdict v = verdict(socketClosedServerDenied, probe(server.port()));

            assertThat(v.failedAt()).isNull();
            assertThat(v.holds()).isEmpty();
            assertThat(ids(v.ruledOut())).contains(NEG_CERT_NOT_ON_SERVER, TLS_HANDSHAKE_FAILED, CONNECTION_DROPPED,
                    TLS_DOWNGRADED_TO_RDP, XRDP_KEY_UNREADABLE, CERT_KEY_ACCESS_DENIED);
            assertThat(status(v.ruledOut(), XRDP_KEY_UNREADABLE).why()).startsWith("from where the probe ran");
            Function<CauseStatus.Open, Check> settledBy = CauseStatus.Open::settledBy;
            assertThat(v.open()).extracting(settledBy).doesNotContain(Check.WIRE_PROBE);
            assertThat(ids(v.open())).containsExactlyInAnyOrder(EVENT_LOG_EVIDENCE, GATEWAY_TLS_FAILED, GATEWAY_NOT_RDG, GATEWAY_ERROR);
        }
    }
}
