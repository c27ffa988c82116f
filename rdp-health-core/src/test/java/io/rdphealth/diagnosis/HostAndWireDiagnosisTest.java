package io.rdphealth.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.check.RdpHealthCheck;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.host.XrdpHostInspector;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.probe.ProbeRun;
import io.rdphealth.report.HealthState;
import io.rdphealth.report.TargetResult;
import io.rdphealth.target.Target;
import io.rdphealth.testing.CertificateSpec;
import io.rdphealth.testing.TestPki;
import io.rdphealth.testing.XrdpServer;
import io.rdphealth.testing.XrdpServer.SecurityLayer;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Wire evidence and host facts of the same real xrdp joined by the diagnosis: the host cause is
 * ranked first and the wire symptom it explains is listed under it.
 */
class HostAndWireDiagnosisTest {

    private static TargetResult checkWithHost(XrdpServer server) {
        return new RdpHealthCheck(ProbeRun.fast(), SeverityPolicy.defaults())
                .withHostInspection(new XrdpHostInspector(server.iniFile()), target -> true)
                .run(List.of(Target.of("127.0.0.1", server.port()))).targets().get(0);
    }

    @Test
    void unreadableKeyIsTheRootCauseOfTheSilentDowngrade() {
        try (XrdpServer server = XrdpServer.builder().securityLayer(SecurityLayer.NEGOTIATE)
                .certificate(TestPki.selfSigned(CertificateSpec.valid())).keyUnreadableByServer(true).start()) {
            TargetResult result = checkWithHost(server);
            Finding root = result.findings().get(0);
            assertThat(root.id()).isEqualTo(FindingId.XRDP_KEY_UNREADABLE);
            assertThat(root.fix().automatedBy()).isEqualTo("repair-key-permissions");
            assertThat(root.symptoms()).extracting(Finding::id).contains(FindingId.TLS_DOWNGRADED_TO_RDP);
            assertThat(result.state()).isEqualTo(HealthState.ERROR);
        }
    }

    @Test
    void missingKeyOnATlsOnlyListenerIsTheRootCauseOfNoCertificateOnServer() throws Exception {
        try (XrdpServer server = XrdpServer.builder().securityLayer(SecurityLayer.TLS)
                .certificate(TestPki.selfSigned(CertificateSpec.valid())).start()) {
            Files.delete(server.keyFile());
            TargetResult result = checkWithHost(server);
            Finding root = result.findings().get(0);
            assertThat(root.id()).isEqualTo(FindingId.XRDP_CERT_MISSING);
            assertThat(root.symptoms()).extracting(Finding::id).contains(FindingId.NEG_CERT_NOT_ON_SERVER);
            assertThat(result.state()).isEqualTo(HealthState.CRITICAL);
        }
    }

    @Test
    void healthyServerWithHostInspectionYieldsNoError() {
        try (XrdpServer server = XrdpServer.builder().securityLayer(SecurityLayer.TLS)
                .certificate(TestPki.selfSigned(CertificateSpec.valid())).start()) {
            TargetResult result = checkWithHost(server);
            assertThat(result.worstSeverity()).isLessThan(io.rdphealth.finding.Severity.ERROR);
            assertThat(ProbeRun.ids(result)).doesNotContain(FindingId.XRDP_KEY_UNREADABLE, FindingId.XRDP_CERT_MISSING,
                    FindingId.XRDP_NOT_RUNNING);
        }
    }
}
