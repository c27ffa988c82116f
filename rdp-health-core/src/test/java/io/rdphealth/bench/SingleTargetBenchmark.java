package io.rdphealth.bench;

import io.rdphealth.check.RdpHealthCheck;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.probe.ProbeOptions;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.TargetResult;
import io.rdphealth.target.Target;
import io.rdphealth.testing.CertificateSpec;
import io.rdphealth.testing.ShadowServer;
import io.rdphealth.testing.TestPki;
import io.rdphealth.testing.XrdpServer;
import java.util.Arrays;
import java.util.List;

/**
 * How long one healthy target takes to assess fully (policy, TLS versions, certificate, NTLM) in
 * a warm JVM on loopback, and how many TCP connections it opens. Prints numbers; asserts nothing
 * (run: {@code mvn -q -pl rdp-health-core -Pbench-single test-compile exec:java}).
 */
public final class SingleTargetBenchmark {
    private static final int WARMUP = 30;
    private static final int RUNS = 100;

    private SingleTargetBenchmark() {
    }

    public static void main(String[] args) {
        try (XrdpServer xrdp = XrdpServer.builder().certificate(TestPki.selfSigned(CertificateSpec.valid())).start();
                ShadowServer shadow = ShadowServer.builder().security(ShadowServer.Security.NLA)
                        .nlaAccount("bench", "BENCH", "bench-password").start()) {
            System.out.printf("%-34s %8s %8s %8s %8s %12s%n", "server", "median", "p90", "max", "min", "connections");
            measure("xrdp 0.9.21 negotiate (TLS, no NLA)", xrdp.port());
            measure("freerdp-shadow 2.11 /sec:nla", shadow.port());
        }
    }

    private static void measure(String label, int port) {
        RdpHealthCheck check = new RdpHealthCheck(ProbeOptions.defaults(), SeverityPolicy.defaults());
        List<Target> target = List.of(Target.of("127.0.0.1", port));
        for (int i = 0; i < WARMUP; i++) {
            check.run(target);
        }
        double[] millis = new double[RUNS];
        int connections = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            RunReport report = check.run(target);
            millis[i] = (System.nanoTime() - start) / 1e6;
            TargetResult result = report.targets().get(0);
            connections = result.addresses().get(0).connections();
        }
        Arrays.sort(millis);
        System.out.printf("%-34s %6.1f ms %6.1f ms %6.1f ms %6.1f ms %12d%n", label, millis[RUNS / 2],
                millis[RUNS * 9 / 10], millis[RUNS - 1], millis[0], connections);
    }
}
