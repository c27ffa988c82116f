package io.rdphealth.bench.fleet;

import io.rdphealth.check.RdpHealthCheck;
import io.rdphealth.finding.Finding;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.probe.ProbeOptions;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.TargetResult;
import io.rdphealth.target.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measured process: the library as users call it, {@code new RdpHealthCheck(options,
 * policy).run(targets)}, in its own JVM (started by {@link FleetBenchmark} with {@code -Xmx256m}).
 * Prints one line: {@code run-millis=M targets=N states=... findings=ID:count,...}.
 *
 * <p>Arguments: targets file (one {@code host:port} per line), parallelism, and optionally whether
 * standard RDP security is enumerated (default true; false = {@code --no-standard-security}).
 */
public final class ProbeFleet {
    private ProbeFleet() {
    }

    public static void main(String[] args) throws IOException {
        List<Target> targets = Files.readAllLines(Path.of(args[0])).stream().filter(line -> !line.isBlank())
                .map(line -> {
                    int colon = line.lastIndexOf(':');
                    return Target.of(line.substring(0, colon), Integer.parseInt(line.substring(colon + 1)));
                }).toList();
        ProbeOptions options = ProbeOptions.defaults().withParallelism(Integer.parseInt(args[1]))
                .withStandardSecurity(args.length < 3 || Boolean.parseBoolean(args[2]));
        long start = System.nanoTime();
        RunReport report = new RdpHealthCheck(options, SeverityPolicy.defaults()).run(targets);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, Integer> states = new TreeMap<>();
        Map<String, Integer> findings = new TreeMap<>();
        long maxTargetMillis = 0;
        for (TargetResult result : report.targets()) {
            states.merge(result.state().name(), 1, Integer::sum);
            for (Finding finding : result.findings()) {
                findings.merge(finding.id().name(), 1, Integer::sum);
            }
            maxTargetMillis = Math.max(maxTargetMillis, Math.round(result.millis()));
        }
        // An unexpected failure in the probe itself is a bug to see, not a count: its evidence (the exception).
        report.targets().stream().flatMap(result -> result.findings().stream()
                .filter(finding -> finding.id().name().equals("PROBE_FAILED"))
                .map(finding -> result.target() + " " + String.join(" | ", finding.evidence())))
                .forEach(line -> System.out.println("probe-failed: " + line));
        // Targets the server did not answer in time: the first few, with their evidence (the step that waited).
        report.targets().stream().flatMap(result -> result.findings().stream()
                .filter(finding -> finding.id().name().equals("SERVER_SILENT"))
                .map(finding -> result.target() + " " + Math.round(result.millis()) + " ms: "
                        + String.join(" | ", finding.evidence())))
                .limit(5).forEach(line -> System.out.println("server-silent: " + line));
        System.out.println("run-millis=" + millis + " max-target-millis=" + maxTargetMillis + " targets="
                + report.targets().size() + " states=" + join(states) + " findings=" + join(findings));
    }

    private static String join(Map<String, Integer> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((key, count) -> text.append(text.length() == 0 ? "" : ",").append(key).append(':').append(count));
        return text.length() == 0 ? "-" : text.toString();
    }
}
