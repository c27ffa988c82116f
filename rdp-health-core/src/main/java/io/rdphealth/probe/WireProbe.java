package io.rdphealth.probe;

import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.probe.cert.CertificateAnalyzer;
import io.rdphealth.probe.cert.TrustChecker;
import io.rdphealth.probe.net.Deadline;
import io.rdphealth.report.TargetResult;
import io.rdphealth.target.Target;
import io.rdphealth.probe.legacy.StandardSecurityOptions;
import io.rdphealth.probe.legacy.StandardSecurityProbe;
import io.rdphealth.wire.SecurityProtocol;
import java.net.InetAddress;
import java.time.Duration;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        this.options = options;
        this.clock = clock;
        this.resolver = new NameResolver(io);
        this.addressProbe = new AddressProbe(options, new CertificateAnalyzer(new TrustChecker(options.trustStore())),
                io, clock, new SecureRandom());
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
            if (options.standardSecurity() && wire.rdpOnly() != null
                    && wire.rdpOnly().selected() == SecurityProtocol.RDP && !deadline.expired()) {
                // Only servers that accept standard RDP security have methods and a level to read;
                // its probe shares what is left of the target's deadline.
                Duration left = Duration.ofNanos(deadline.remainingNanos());
                wire = wire.withStandardSecurity(new StandardSecurityProbe(StandardSecurityOptions.from(options)
                        .withTimeouts(options.connectTimeout(), options.readTimeout(), left)).probe(target, address));
            }
            addresses.add(wire);
        }
        return new TargetResult(target, resolution.evidence(), addresses, List.of(), startedAt,
                X224Exchange.millisSince(start));
    }
}
