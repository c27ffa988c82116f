package io.rdphealth.probe;

import io.rdphealth.check.RdpHealthCheck;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.report.TargetResult;
import io.rdphealth.target.Target;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Runs the real probe + diagnosis against a loopback port, for tests. */
public final class ProbeRun {
    private ProbeRun() {
    }

    public static ProbeOptions fast() {
        return ProbeOptions.defaults().withConnectTimeout(Duration.ofSeconds(2)).withReadTimeout(Duration.ofSeconds(2))
                .withTargetDeadline(Duration.ofSeconds(5));
    }

    public static TargetResult check(int port) {
        return check(port, fast(), SeverityPolicy.defaults());
    }

    public static TargetResult check(int port, ProbeOptions options, SeverityPolicy policy) {
        return new RdpHealthCheck(options, policy).run(List.of(Target.of("127.0.0.1", port))).targets().get(0);
    }

    public static WireEvidence wire(TargetResult result) {
        return result.addresses().get(0);
    }

    /** Every finding, root causes and the symptoms under them, flattened. */
    public static List<Finding> all(TargetResult result) {
        List<Finding> out = new ArrayList<>();
        result.findings().forEach(f -> flatten(f, out));
        return out;
    }

    private static void flatten(Finding finding, List<Finding> out) {
        out.add(finding);
        finding.symptoms().forEach(s -> flatten(s, out));
    }

    public static List<FindingId> ids(TargetResult result) {
        return all(result).stream().map(Finding::id).toList();
    }

    public static Stream<FindingId> rootIds(TargetResult result) {
        return result.findings().stream().map(Finding::id);
    }
}
