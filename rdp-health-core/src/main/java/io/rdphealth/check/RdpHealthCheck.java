package io.rdphealth.check;

import io.rdphealth.diagnosis.Diagnosis;
import io.rdphealth.diagnosis.rules.GatewayRules;
import io.rdphealth.evidence.GatewayEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.host.HostInspector;
import io.rdphealth.host.LocalHost;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.probe.ProbeOptions;
import io.rdphealth.probe.WireProbe;
import io.rdphealth.probe.net.ConnectionPacer;
import io.rdphealth.probe.net.SchedulingLagMonitor;
import io.rdphealth.probe.gateway.GatewayCredentials;
import io.rdphealth.probe.gateway.GatewayProbe;
import io.rdphealth.probe.gateway.GatewayProbeOptions;
import io.rdphealth.report.GatewayResult;
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
import java.util.function.Predicate;

/**
 * The library's entry point for "check these targets": probe each from the wire (at most
 * {@code parallelism} at once), optionally inspect the host of targets that point at this machine,
 * probe the RD Gateway when one is given, diagnose, and return the run in input order. The CLI and
 * the Jenkins step both call this.
 */
public final class RdpHealthCheck {
    public static final String TOOL = "rdphealth " + version();

    private final ProbeOptions options;
    private final Diagnosis diagnosis;
    private final Clock clock;
    private final HostInspector hostInspector;
    private final Predicate<Target> inspectable;
    private final GatewayCredentials gatewayCredentials;

    public RdpHealthCheck(ProbeOptions options, SeverityPolicy policy) {
        this(options, policy, Clock.systemUTC());
    }

    public RdpHealthCheck(ProbeOptions options, SeverityPolicy policy, Clock clock) {
        this(options, new Diagnosis(policy), clock, null, target -> false, null);
    }

    private RdpHealthCheck(ProbeOptions options, Diagnosis diagnosis, Clock clock, HostInspector hostInspector,
            Predicate<Target> inspectable, GatewayCredentials gatewayCredentials) {
        this.options = options;
        this.diagnosis = diagnosis;
        this.clock = clock;
        this.hostInspector = hostInspector;
        this.inspectable = inspectable;
        this.gatewayCredentials = gatewayCredentials;
    }

    /** Also inspects this machine (Windows or xrdp) for every target that points at it. */
    public RdpHealthCheck withLocalHostInspection() {
        return withHostInspection(LocalHost.inspector(clock), LocalHost::isThisHost);
    }

    /** Also runs {@code inspector} for the targets {@code appliesTo} accepts, joining its findings. */
    public RdpHealthCheck withHostInspection(HostInspector inspector, Predicate<Target> appliesTo) {
        return new RdpHealthCheck(options, diagnosis, clock, inspector, appliesTo, gatewayCredentials);
    }

    /** Credentials for the gateway's next step after the 401 (never logged, never in results). */
    public RdpHealthCheck withGatewayCredentials(GatewayCredentials credentials) {
        return new RdpHealthCheck(options, diagnosis, clock, hostInspector, inspectable, credentials);
    }

    /** Up to this many targets at once, a run waits on round trips rather than CPU. */
    static final int LATENCY_BOUND_TARGETS = 16;

    public RunReport run(List<Target> targets) {
        return run(targets, ProgressListener.NONE);
    }

    public RunReport run(List<Target> targets, ProgressListener listener) {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        ExecutorService io = Executors.newCachedThreadPool(daemon("rdphealth-io"));
        int atOnce = Math.min(options.parallelism(), Math.max(1, targets.size()));
        ExecutorService workers = Executors.newFixedThreadPool(atOnce, daemon("rdphealth-target"));
        SchedulingLagMonitor lag = SchedulingLagMonitor.start(SchedulingLagMonitor.DEFAULT_PERIOD);
        try {
            // A run of many targets at once is bound by CPU, not by round trips: there the fast
            // schedule's speculative connections and pacing past the accept queue only add load
            // (and, against servers starved of CPU, dropped connections); see ConnectionPacer.
            WireProbe probe = new WireProbe(options, clock, io,
                    atOnce <= LATENCY_BOUND_TARGETS ? ConnectionPacer::new : ConnectionPacer::nearOnly, lag);
            CompletableFuture<GatewayResult> gateway = options.gateway() == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.supplyAsync(this::probeGateway, io);
            AtomicInteger done = new AtomicInteger();
            List<CompletableFuture<TargetResult>> futures = new ArrayList<>();
            for (Target target : targets) {
                futures.add(CompletableFuture.supplyAsync(() -> {
                    TargetResult result = assess(probe, target);
                    listener.targetDone(done.incrementAndGet(), targets.size(), result);
                    return result;
                }, workers));
            }
            List<TargetResult> results = futures.stream().map(CompletableFuture::join).toList();
            return new RunReport(RunReport.SCHEMA_VERSION, TOOL, startedAt,
                    Math.round((System.nanoTime() - start) / 1e4) / 100.0, results, gateway.join());
        } finally {
            lag.close();
            workers.shutdownNow();
            io.shutdownNow();
        }
    }

    /**
     * One target, start to end. An unexpected failure of the probe, the host inspection or the
     * diagnosis is contained here: the target gets a PROBE_FAILED finding (never "healthy") and
     * the other targets keep their results.
     */
    private TargetResult assess(WireProbe probe, Target target) {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        try {
            TargetResult probed = probe.probe(target);
            List<Finding> hostFindings = hostInspector != null && inspectable.test(target)
                    ? hostInspector.inspect(probed, diagnosis.policy()) : List.of();
            return diagnosis.diagnose(probed, hostFindings);
        } catch (RuntimeException e) {
            Finding failed = Finding.of(FindingId.PROBE_FAILED, target.input(),
                    "RDP Health could not assess this target: " + e.getClass().getSimpleName(),
                    List.of(e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage())),
                    Fix.manual("Re-run the check; if it fails again, report the evidence line to the RDP Health maintainers.",
                            "Until then, treat the target as not verified."));
            return new TargetResult(target, null, List.of(), diagnosis.rank(List.of(failed)), startedAt,
                    Math.round((System.nanoTime() - start) / 1e4) / 100.0);
        }
    }

    private GatewayResult probeGateway() {
        GatewayProbeOptions gatewayOptions = GatewayProbeOptions.from(options);
        if (gatewayCredentials != null) {
            gatewayOptions = gatewayOptions.withCredentials(gatewayCredentials);
        }
        GatewayEvidence evidence = new GatewayProbe(gatewayOptions, clock).probe(options.gateway());
        List<Finding> findings = new GatewayRules().evaluate(evidence, options.gateway(), diagnosis.policy());
        return new GatewayResult(options.gateway(), evidence, diagnosis.rank(findings));
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
