package io.rdphealth.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdphealth.evidence.DnsEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.finding.Severity;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.TargetResult;
import io.rdphealth.target.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static TargetResult target(String input, FindingId... ids) {
        List<Finding> findings = new ArrayList<>();
        for (FindingId id : ids) {
            findings.add(Finding.of(id, input, id.meaning(), List.of("seen"), Fix.manual("fix it")));
        }
        return new TargetResult(Target.parse(input, 3389), new DnsEvidence(List.of("127.0.0.1"), 1, null),
                List.of(), findings, NOW, 5);
    }

    private static RunReport run(TargetResult... targets) {
        return new RunReport(RunReport.SCHEMA_VERSION, "test", NOW, 10, List.of(targets));
    }

    @Test
    void failsWhenATargetReachesFailOnAndNamesIt() {
        RunReport report = run(target("a"), target("b:3390", FindingId.CERT_EXPIRED), target("c", FindingId.NLA_NOT_REQUIRED));

        GateResult result = Gate.defaults().evaluate(report);

        assertThat(result.outcome()).isEqualTo(GateOutcome.FAIL);
        assertThat(result.offending()).containsExactly("b:3390 (ERROR)");
        assertThat(result.reason()).isEqualTo("1 of 3 target(s) at ERROR or worse (failOn ERROR): b:3390 (ERROR)");
    }

    @Test
    void unstableWhenOnlyTheLowerThresholdIsReached() {
        RunReport report = run(target("a", FindingId.CERT_SELF_SIGNED), target("c", FindingId.NLA_NOT_REQUIRED));

        GateResult result = Gate.defaults().evaluate(report);

        assertThat(result.outcome()).isEqualTo(GateOutcome.UNSTABLE);
        assertThat(result.offending()).containsExactly("c (WARNING)");
    }

    @Test
    void infoFindingsPass() {
        GateResult result = Gate.defaults().evaluate(run(target("a", FindingId.CERT_SELF_SIGNED), target("b")));

        assertThat(result.passed()).isTrue();
        assertThat(result.offending()).isEmpty();
        assertThat(result.reason()).isEqualTo("all 2 target(s) below WARNING");
    }

    @Test
    void thresholdsOfNoneNeverApply() {
        Gate gate = Gate.parse("none", "");

        GateResult result = gate.evaluate(run(target("a", FindingId.TCP_REFUSED)));

        assertThat(gate.failOn()).isNull();
        assertThat(gate.unstableOn()).isNull();
        assertThat(result.outcome()).isEqualTo(GateOutcome.PASS);
        assertThat(result.reason()).isEqualTo("no thresholds set: 1 target(s) checked, worst severity CRITICAL");
    }

    @Test
    void symptomsCountTowardsTheirRootCause() {
        Finding symptom = Finding.of(FindingId.CONNECTION_DROPPED, "a", "dropped", List.of("x"), Fix.manual("y"));
        Finding root = Finding.of(FindingId.CERT_SELF_SIGNED, "a", "self-signed", List.of("x"), Fix.manual("y"))
                .withSymptoms(List.of(symptom));
        TargetResult withSymptom = target("a").withFindings(List.of(root));

        assertThat(Gate.parse("CRITICAL", "none").evaluate(run(withSymptom)).outcome()).isEqualTo(GateOutcome.FAIL);
    }

    @Test
    void parsesSeveritiesInAnyCase() {
        assertThat(Gate.parse(" critical ", "Warning")).isEqualTo(new Gate(Severity.CRITICAL, Severity.WARNING));
    }

    @Test
    void rejectsUnknownSeverityNamingTheParameter() {
        assertThatThrownBy(() -> Gate.parse("ERROR", "sometimes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unstableOn: unknown severity 'sometimes'")
                .hasMessageContaining("or NONE");
    }

    @Test
    void rejectsAnUnstableThresholdThatCouldNeverApply() {
        assertThatThrownBy(() -> Gate.parse("WARNING", "ERROR"))
                .hasMessage("unstableOn ERROR is above failOn WARNING: it could never apply"
                        + " (choose unstableOn at or below failOn, or NONE)");
    }

    @Test
    void worseOutcomeWins() {
        assertThat(GateOutcome.PASS.worse(GateOutcome.UNSTABLE)).isEqualTo(GateOutcome.UNSTABLE);
        assertThat(GateOutcome.FAIL.worse(GateOutcome.UNSTABLE)).isEqualTo(GateOutcome.FAIL);
    }
}
