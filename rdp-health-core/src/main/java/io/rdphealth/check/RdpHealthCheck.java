package io.rdphealth.check;

import io.rdphealth.diagnosis.Diagnosis;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.probe.ProbeOptions;
import io.rdphealth.probe.WireProbe;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.TargetResult;
import io.rdphealth.target.Target;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The library's entry point for "check these targets": probe each from the wire (at most
 * {@code parallelism} at once), diagnose, and return the run in input order. The CLI and the
 * Jenkins step both call this.
 */
public final class RdpHealthCheck {
    public static final String TOOL = "rdphealth " + version();

    private final ProbeOptions options;
    private final Diagnosis diagnosis;
    private final Clock clock;

    public RdpHealthCheck(ProbeOptions options, SeverityPolicy policy) {
        this(options, policy, Clock.systemUTC());
    }

    public RdpHealthCheck(ProbeOptions options, SeverityPolicy policy, Clock clock) {
        this.options = options;
        this.diagnosis = new Diagnosis(policy);
        this.clock = clock;
    }

    public RunReport run(List<Target> targets) {
        return run(targets, ProgressListener.NONE);
    }

    public RunReport run(List<Target> targets, ProgressListener listener) {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        ExecutorService io = Executors.newCachedThreadPool(daemon("rdphealth-io"));
        ExecutorService workers = Executors.newFixedThreadPool(Math.min(options.parallelism(), Math.max(1, targets.size())),
                daemon("rdphealth-target"));
        try {
            WireProbe probe = new WireProbe(options, clock, io);
            AtomicInteger done = new AtomicInteger();
            List<CompletableFuture<TargetResult>> futures = new ArrayList<>();
            for (Target target : targets) {
                futures.add(CompletableFuture.supplyAsync(() -> {
                    TargetResult result = diagnosis.diagnose(probe.probe(target));
                    listener.targetDone(done.incrementAndGet(), targets.size(), result);
                    return result;
                }, workers));
            }
            List<TargetResult> results = futures.stream().map(CompletableFuture::join).toList();
            return new RunReport(RunReport.SCHEMA_VERSION, TOOL, startedAt,
                    Math.round((System.nanoTime() - start) / 1e4) / 100.0, results);
        } finally {
            workers.shutdownNow();
            io.shutdownNow();
        }
    }

    public Diagnosis diagnosis() {
        return diagnosis;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static String version() {
        String version = RdpHealthCheck.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
