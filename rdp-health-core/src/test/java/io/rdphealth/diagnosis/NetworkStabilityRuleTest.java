package io.rdphealth.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.diagnosis.rules.NetworkStabilityRule;
import io.rdphealth.evidence.ConnectSample;
import io.rdphealth.evidence.DnsEvidence;
import io.rdphealth.evidence.FailureKind;
import io.rdphealth.evidence.TcpEvidence;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.report.TargetResult;
import io.rdphealth.target.Target;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stability rule over connect samples: real loss and SYN retries count, a busy client's noise does not. */
class NetworkStabilityRuleTest {
    private static List<Finding> evaluate(ConnectSample... samples) {
        return evaluate(new TcpEvidence(List.of(samples)));
    }

    private static List<Finding> evaluate(TcpEvidence tcp) {
        int count = tcp.samples().size();
        WireEvidence wire = new WireEvidence("192.0.2.1", tcp, null, null, null, List.of(),
                null, null, count, 10);
        TargetResult result = new TargetResult(Target.of("192.0.2.1", 3389), new DnsEvidence(List.of("192.0.2.1"), 0, null),
                List.of(wire), List.of(), Instant.now(), 10);
        return new NetworkStabilityRule().evaluate(new DiagnosisContext(result, SeverityPolicy.defaults()));
    }

    @Test
    void steadySamplesAreStable() {
        assertThat(evaluate(ConnectSample.ok(12), ConnectSample.ok(13), ConnectSample.ok(12.5), ConnectSample.ok(14))).isEmpty();
    }

    @Test
    void schedulingNoiseOfABusyClientIsNotInstability() {
        assertThat(evaluate(ConnectSample.ok(0.2), ConnectSample.ok(80), ConnectSample.ok(0.3), ConnectSample.ok(120),
                ConnectSample.ok(0.2))).isEmpty();
    }

    @Test
    void aSynRetryIsInstability() {
        List<Finding> findings = evaluate(ConnectSample.ok(20), ConnectSample.ok(1020), ConnectSample.ok(21), ConnectSample.ok(19));
        assertThat(findings).extracting(Finding::id).containsExactly(FindingId.NETWORK_UNSTABLE);
        assertThat(findings.get(0).evidence()).anyMatch(line -> line.contains("max 1020.00"));
    }

    @Test
    void jitterTheClientsOwnLagExplainsIsNotBlamedOnThePath() {
        List<ConnectSample> spiky = List.of(ConnectSample.ok(20), ConnectSample.ok(620), ConnectSample.ok(21), ConnectSample.ok(19));
        assertThat(evaluate(new TcpEvidence(spiky, 650.0))).as("the client ran 650 ms late meanwhile").isEmpty();
        List<Finding> findings = evaluate(new TcpEvidence(spiky, 15.0));
        assertThat(findings).extracting(Finding::id).containsExactly(FindingId.NETWORK_UNSTABLE);
        assertThat(findings.get(0).evidence()).contains("client scheduling lag at most 15.0 ms meanwhile");
        // Failed connects are not scheduling noise, whatever the lag.
        assertThat(evaluate(new TcpEvidence(List.of(ConnectSample.ok(20), ConnectSample.failed(FailureKind.CONNECT_TIMEOUT),
                ConnectSample.ok(22)), 5_000.0))).extracting(Finding::id).containsExactly(FindingId.NETWORK_UNSTABLE);
    }

    @Test
    void partialLossIsInstabilityButTotalLossIsNot() {
        assertThat(evaluate(ConnectSample.ok(20), ConnectSample.failed(FailureKind.CONNECT_TIMEOUT), ConnectSample.ok(22)))
                .extracting(Finding::id).containsExactly(FindingId.NETWORK_UNSTABLE);
        // Nothing connected at all: that is TCP_TIMEOUT's business, not jitter's.
        assertThat(evaluate(ConnectSample.failed(FailureKind.CONNECT_TIMEOUT), ConnectSample.failed(FailureKind.CONNECT_TIMEOUT)))
                .isEmpty();
    }
}
