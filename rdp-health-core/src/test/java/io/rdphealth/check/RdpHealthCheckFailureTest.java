package io.rdphealth.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.probe.ProbeRun;
import io.rdphealth.report.HealthState;
import io.rdphealth.report.RunReport;
import io.rdphealth.target.Target;
import io.rdphealth.testing.CertificateSpec;
import io.rdphealth.testing.TestPki;
import io.rdphealth.testing.XrdpServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failure inside one target's assessment is that target's PROBE_FAILED, not the end of the run. */
class RdpHealthCheckFailureTest {
    @Test
    void anUnexpectedFailureIsContainedInItsTarget() {
        try (XrdpServer server = XrdpServer.builder().certificate(TestPki.selfSigned(CertificateSpec.valid())).start()) {
            Target good = Target.of("127.0.0.1", server.port());
            Target broken = Target.parse("localhost:" + server.port(), 3389);
            RunReport report = new RdpHealthCheck(ProbeRun.fast(), SeverityPolicy.defaults())
                    // A host inspector that breaks for one target stands in for any bug in a step.
                    .withHostInspection((probed, policy) -> {
                        throw new IllegalStateException("inspector broke");
                    }, target -> target.equals(broken))
                    .run(List.of(good, broken));

            assertThat(report.targets().get(0).findings()).extracting(Finding::id).doesNotContain(FindingId.PROBE_FAILED);
            assertThat(report.targets().get(0).addresses()).isNotEmpty();
            Finding failed = report.targets().get(1).findings().get(0);
            assertThat(failed.id()).isEqualTo(FindingId.PROBE_FAILED);
            assertThat(failed.evidence()).containsExactly("java.lang.IllegalStateException: inspector broke");
            assertThat(report.targets().get(1).state()).isEqualTo(HealthState.ERROR);
        }
    }
}
