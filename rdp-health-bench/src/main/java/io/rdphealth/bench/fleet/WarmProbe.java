package io.rdphealth.bench.fleet;

import io.rdphealth.check.RdpHealthCheck;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.probe.ProbeOptions;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.TargetResult;
import io.rdphealth.target.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One target probed {@code runs} times in ONE JVM, as a long-lived caller (the Jenkins plugin, a
 * daemon) would: the first runs pay class loading and JIT, the median of the last 10 is the
 * steady state. Prints {@code warm runs=N median-last-10-ms=M round-trips=R ...} with R = M / RTT.
 *
 * <p>Arguments: {@code host:port runs standardSecurity(true|false) rttMillis}.
 */
public final class WarmProbe {
    private WarmProbe() {
    }

    public static void main(String[] args) {
        int colon = args[0].lastIndexOf(':');
        Target target = Target.of(args[0].substring(0, colon), Integer.parseInt(args[0].substring(colon + 1)));
        int runs = Integer.parseInt(args[1]);
        boolean standardSecurity = Boolean.parseBoolean(args[2]);
        int rtt = Integer.parseInt(args[3]);
        ProbeOptions options = ProbeOptions.defaults().withParallelism(1).withStandardSecurity(standardSecurity);
        RdpHealthCheck check = new RdpHealthCheck(options, SeverityPolicy.defaults());
        List<Double> millis = new ArrayList<>();
        TreeSet<String> states = new TreeSet<>();
        TreeSet<String> findings = new TreeSet<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            RunReport report = check.run(List.of(target));
            millis.add((System.nanoTime() - start) / 1e6);
            for (TargetResult result : report.targets()) {
                states.add(result.state().name());
                if (i == runs - 1) {
                    result.findings().stream().map(finding -> finding.id().name()).forEach(findings::add);
                }
            }
        }
        List<Double> last = new ArrayList<>(millis.subList(Math.max(0, runs - 10), runs));
        last.sort(null);
        double median = last.size() % 2 == 1 ? last.get(last.size() / 2)
                : (last.get(last.size() / 2 - 1) + last.get(last.size() / 2)) / 2;
        System.out.printf(Locale.ROOT, "warm runs=%d standard-security=%s median-last-10-ms=%.0f round-trips=%s "
                + "first-ms=%.0f min-last-10-ms=%.0f max-last-10-ms=%.0f states=%s findings=%s%n", runs, standardSecurity,
                median, rtt == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", median / rtt), millis.get(0), last.get(0),
                last.get(last.size() - 1), String.join(",", states), String.join(",", findings));
        System.out.println("all-ms=" + millis.stream().map(m -> String.format(Locale.ROOT, "%.0f", m))
                .collect(Collectors.joining(",")));
    }
}
