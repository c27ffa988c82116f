package io.rdphealth.probe;

import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.probe.cert.CertificateAnalyzer;
import io.rdphealth.probe.cert.TrustChecker;
import io.rdphealth.probe.net.ConnectionPacer;
import io.rdphealth.probe.net.Deadline;
import io.rdphealth.probe.net.SchedulingLagMonitor;
import io.rdphealth.report.TargetResult;
import io.rdphealth.target.Target;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.concurrent.Executor;

/**
 * Probes one target from the wire, credential-free: DNS, then every (or the first) address with
 * {@link AddressProbe}. Returns evidence only; the diagnosis turns it into findings.
 */
public final class WireProbe {
    private final ProbeOptions options;
    private final Clock clock;
    private final NameResolver resolver;
    private final AddressProbe addressProbe;

    /**
     * @param io executor for the connections of a target; it must allow several tasks per target
     *           at once (an unbounded or generously sized pool), since one target opens up to five
     */
    public WireProbe(ProbeOptions options, Clock clock, Executor io) {
        this(options, clock, io, ConnectionPacer::new);
    }

    /**
     * @param pacers a pacer per address probed: {@link ConnectionPacer#nearOnly()} for a run bound by
     *        CPU rather than round trips (tests make a loopback server "far" with one)
     */
    public WireProbe(ProbeOptions options, Clock clock, Executor io, Supplier<ConnectionPacer> pacers) {
        this(options, clock, io, pacers, null);
    }

    /**
     * @param lag the run's scheduling-lag monitor, whose lag during each address's probe goes into
     *        its TCP evidence; {@code null} = not measured
     */
    public WireProbe(ProbeOptions options, Clock clock, Executor io, Supplier<ConnectionPacer> pacers,
            SchedulingLagMonitor lag) {
        this.options = options;
        this.clock = clock;
        this.resolver = new NameResolver(io);
        this.addressProbe = new AddressProbe(options, new CertificateAnalyzer(new TrustChecker(options.trustStore())),
                io, clock, new SecureRandom(), pacers, lag);
    }

    public TargetResult probe(Target target) {
        Instant startedAt = clock.instant();
        long start = System.nanoTime();
        Deadline deadline = Deadline.after(options.targetDeadline());
        NameResolver.Resolution resolution = resolver.resolve(target, deadline, options.connectTimeout());
        List<WireEvidence> addresses = new ArrayList<>();
        List<InetAddress> toProbe = options.allAddresses() ? resolution.addresses()
                : resolution.addresses().stream().limit(1).toList();
        for (InetAddress address : toProbe) {
            WireEvidence wire = addressProbe.probe(address, target.port(), target.host(), deadline);
            addresses.add(wire);
        }
        return new TargetResult(target, resolution.evidence(), addresses, List.of(), startedAt,
                X224Exchange.millisSince(start));
    }
}
