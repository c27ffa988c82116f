package io.rdphealth.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.evidence.DnsEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.target.Target;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextSummaryTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void listsEachTargetWithRootCauseFixAndExplainedSymptoms() {
        Finding symptom = Finding.of(FindingId.CONNECTION_DROPPED, "b", "dropped after the confirm", List.of("x"),
                Fix.manual("see root cause"));
        Finding root = Finding.of(FindingId.CERT_EXPIRED, "b", "certificate expired 3 days ago", List.of("notAfter"),
                Fix.automated("renew-cert", "renew the certificate", "restart xrdp")).withSymptoms(List.of(symptom));
        DnsEvidence dns = new DnsEvidence(List.of("127.0.0.1"), 1, null);
        RunReport report = new RunReport(RunReport.SCHEMA_VERSION, "test", NOW, 1500, List.of(
                new TargetResult(Target.parse("a", 3389), dns, List.of(), List.of(), NOW, 3),
                new TargetResult(Target.parse("b:3390", 3389), dns, List.of(), List.of(root), NOW, 3)));

        assertThat(TextSummary.lines(report)).containsExactly(
                "RDP Health: 2 target(s) in 1.5 s, state CRITICAL (worst severity CRITICAL)",
                "  HEALTHY  a",
                "  CRITICAL b:3390",
                "    [ERROR] CERT_EXPIRED: certificate expired 3 days ago",
                "      fix: renew the certificate (automated: renew-cert)",
                "      explains: CONNECTION_DROPPED");
    }
}
