package io.rdphealth.probe;

import io.rdphealth.evidence.CertificateEvidence;
import io.rdphealth.evidence.ConnectSample;
import io.rdphealth.evidence.EncryptionOfferResult;
import io.rdphealth.evidence.ExchangeFailure;
import io.rdphealth.evidence.FailureKind;
import io.rdphealth.evidence.NegotiationEvidence;
import io.rdphealth.evidence.NtlmEvidence;
import io.rdphealth.evidence.StandardSecurityEvidence;
import io.rdphealth.evidence.TcpEvidence;
import io.rdphealth.evidence.TlsEvidence;
import io.rdphealth.evidence.TlsVersion;
import io.rdphealth.evidence.TlsVersionResult;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.probe.cert.CertificateAnalyzer;
import io.rdphealth.probe.legacy.StandardSecurityOptions;
import io.rdphealth.probe.legacy.StandardSecurityProbe;
import io.rdphealth.probe.net.ConnectionPacer;
import io.rdphealth.probe.net.Deadline;
import io.rdphealth.probe.net.FailureClassifier;
import io.rdphealth.probe.net.PeerConnection;
import io.rdphealth.probe.net.SchedulingLagMonitor;
import io.rdphealth.probe.tls.TlsChannel;
import io.rdphealth.probe.tls.VersionScan;
import io.rdphealth.target.Target;
import io.rdphealth.wire.SecurityProtocol;
import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Everything the wire tells about one address, from as few round trips as possible: all
 * connections run at once, each bounded by the target's deadline.
 *
 * <ul>
 *   <li>main: X.224 asking SSL|HYBRID|HYBRID_EX (what the server prefers), then TLS offering every
 *       version (negotiated version, cipher, chain), then CredSSP/NTLM when HYBRID was selected;</li>
 *   <li>policy: X.224 asking standard RDP security only (is legacy RDP allowed, TLS or NLA required);</li>
 *   <li>scan: TLS 1.2 offered alone, and TLS 1.0 with 1.1 offered together, each up to the
 *       server's hello (which names the version it picks, the highest it supports; the key
 *       exchange is skipped); TLS 1.0 is asked alone only when the server picked 1.1
 *       ({@link VersionScan}). TLS 1.3 needs no connection of its own: the main handshake offers
 *       it, and a server picks its highest.</li>
 * </ul>
 *
 * <p>They start as a {@link ConnectionPacer} allows, so that xrdp's accept queue of three never
 * overflows: at a distance, all within a few milliseconds.
 */
final class AddressProbe {
    static final int PREFERRED_PROTOCOLS = SecurityProtocol.SSL.bit() | SecurityProtocol.HYBRID.bit()
            | SecurityProtocol.HYBRID_EX.bit();
    static final int SCAN_PROTOCOLS = SecurityProtocol.SSL.bit() | SecurityProtocol.HYBRID.bit();
    /**
     * The versions each scan connection offers. TLS 1.2 first: the version most servers accept gets
     * a place in the near schedule's first wave.
     */
    private static final List<Set<TlsVersion>> SCANS = List.of(EnumSet.of(TlsVersion.TLS_1_2),
            EnumSet.of(TlsVersion.TLS_1_0, TlsVersion.TLS_1_1));
    private final ProbeOptions options;
    private final StandardSecurityProbe standardSecurity;
    private final CertificateAnalyzer analyzer;
    private final Executor io;
    private final Clock clock;
    private final SecureRandom random;
    private final Supplier<ConnectionPacer> pacers;
    /** Null when the caller does not measure the client's scheduling lag. */
    private final SchedulingLagMonitor lag;

    AddressProbe(ProbeOptions options, CertificateAnalyzer analyzer, Executor io, Clock clock, SecureRandom random,
            Supplier<ConnectionPacer> pacers, SchedulingLagMonitor lag) {
        this.options = options;
        this.standardSecurity = new StandardSecurityProbe(StandardSecurityOptions.from(options), io);
        this.analyzer = analyzer;
        this.io = io;
        this.clock = clock;
        this.random = random;
        this.pacers = pacers;
        this.lag = lag;
    }

    /** What the main connection saw. */
    private record MainOutcome(ConnectSample sample, NegotiationEvidence negotiation, TlsEvidence tls,
            CertificateEvidence certificate, NtlmEvidence ntlm) {
    }

    /** What a version-scan connection saw; {@code scan} is null when the server did not select TLS. */
    private record ScanOutcome(ConnectSample sample, VersionScan scan) {
    }

    WireEvidence probe(InetAddress address, int port, String nameUsed, Deadline deadline) {
        long start = System.nanoTime();
        // Three connections start at once, the others as the pacer allows (xrdp's accept queue holds three).
        ConnectionPacer gate = pacers.get();
        CompletableFuture<MainOutcome> main = CompletableFuture.supplyAsync(
                () -> mainConnection(address, port, nameUsed, deadline, gate), io);
        CompletableFuture<NegotiationAttempt> policyAnswer = CompletableFuture.supplyAsync(
                () -> connectAndNegotiate(address, port, SecurityProtocol.RDP.bit(), deadline, gate), io);
        CompletableFuture<PolicyOutcome> policy = policyAnswer.thenApplyAsync(this::finishPolicy, io);
        // A step abandoned at the deadline (join cancels it) may never have run: close its connection.
        policy.whenComplete((outcome, failure) -> {
            if (failure != null) {
                policyAnswer.thenAccept(attempt -> {
                    if (attempt.connection() != null) {
                        attempt.connection().close();
                    }
                });
            }
        });
        List<CompletableFuture<List<ScanOutcome>>> scans = new ArrayList<>();
        if (options.scanTlsVersions()) {
            for (Set<TlsVersion> offered : SCANS) {
                scans.add(CompletableFuture.supplyAsync(
                        () -> scanVersions(address, port, nameUsed, offered, deadline, gate), io));
            }
        }
        CompletableFuture<StandardSecurityEvidence> standard = options.standardSecurity()
                ? standardSecurityQuestions(Target.of(nameUsed, port), address, policyAnswer, policy, gate, deadline)
                : CompletableFuture.completedFuture(null);
        List<CompletableFuture<ConnectSample>> extra = new ArrayList<>();
        for (int i = 0; i < options.latencySamples(); i++) {
            extra.add(CompletableFuture.supplyAsync(() -> bareConnect(address, port, deadline, gate), io));
        }

        MainOutcome mainOutcome = join(main, deadline);
        PolicyOutcome policyOutcome = join(policy, deadline);
        List<ConnectSample> samples = new ArrayList<>();
        int connections = 0;
        if (mainOutcome != null) {
            samples.add(mainOutcome.sample());
            connections++;
        }
        if (policyOutcome != null) {
            samples.add(policyOutcome.sample());
            connections++;
        }
        List<TlsVersionResult> versions = new ArrayList<>();
        for (CompletableFuture<List<ScanOutcome>> scan : scans) {
            List<ScanOutcome> outcomes = join(scan, deadline);
            for (ScanOutcome outcome : outcomes == null ? List.<ScanOutcome>of() : outcomes) {
                connections++;
                samples.add(outcome.sample());
                if (outcome.scan() != null) {
                    versions.addAll(outcome.scan().results());
                }
            }
        }
        for (CompletableFuture<ConnectSample> sample : extra) {
            ConnectSample s = join(sample, deadline);
            if (s != null) {
                connections++;
                samples.add(s);
            }
        }
        TlsEvidence tls = mainOutcome == null ? null : mainOutcome.tls();
        if (tls != null && tls.succeeded() && !versions.isEmpty()) {
            // The main handshake offered 1.0..1.3; the server chose its highest version.
            versions.add(new TlsVersionResult(TlsVersion.TLS_1_3, tls.version() == TlsVersion.TLS_1_3,
                    tls.version() == TlsVersion.TLS_1_3 ? null : "the server chose " + tls.version().label()
                            + " when TLS 1.3 was offered"));
        }
        StandardSecurityEvidence standardEvidence = join(standard, deadline);
        if (standardEvidence != null) {
            connections += standardEvidence.connections();
            if (standardEvidence.rdpOnly().selected() != SecurityProtocol.RDP) {
                standardEvidence = null; // asked speculatively of a server that refuses standard security
            }
        }
        NegotiationEvidence preferred = mainOutcome == null
                ? timedOut(PREFERRED_PROTOCOLS, deadline) : mainOutcome.negotiation();
        NegotiationEvidence rdpOnly = policyOutcome == null
                ? timedOut(SecurityProtocol.RDP.bit(), deadline) : policyOutcome.negotiation();
        Double clientLag = lag == null ? null : lag.maxLagMillis(start, System.nanoTime());
        return new WireEvidence(address.getHostAddress(), new TcpEvidence(samples, clientLag), preferred, rdpOnly, tls,
                versions.stream().sorted((a, b) -> a.version().compareTo(b.version())).toList(),
                mainOutcome == null ? null : mainOutcome.certificate(),
                mainOutcome == null ? null : mainOutcome.ntlm(),
                connections, X224Exchange.millisSince(start), standardEvidence);
    }

    private static NegotiationEvidence timedOut(int requested, Deadline deadline) {
        return new NegotiationEvidence(requested, null,
                new ExchangeFailure(FailureKind.DEADLINE, "no result before the target deadline", 0), 0);
    }

    /** A negotiation on its own connection: the sample and the evidence. */
    private record NegotiationAttempt(ConnectSample sample, NegotiationEvidence negotiation, PeerConnection connection) {
    }

    private NegotiationAttempt connectAndNegotiate(InetAddress address, int port, int protocols, Deadline deadline,
            ConnectionPacer gate) {
        long start = System.nanoTime();
        ConnectionPacer.Turn turn = gate.awaitTurn(deadline);
        if (turn == null) {
            return new NegotiationAttempt(ConnectSample.failed(FailureKind.DEADLINE),
                    timedOut(protocols, deadline), null);
        }
        try (turn) {
            PeerConnection connection;
            try {
                connection = PeerConnection.open(address, port, deadline, options.connectTimeout(), options.readTimeout());
            } catch (IOException e) {
                ExchangeFailure failure = FailureClassifier.connectFailure(e, X224Exchange.millisSince(start));
                return new NegotiationAttempt(ConnectSample.failed(failure.kind()),
                        new NegotiationEvidence(protocols, null, failure, failure.afterMillis()), null);
            }
            turn.connected(connection.connectNanos());
            NegotiationEvidence negotiation = X224Exchange.negotiate(connection, protocols, null);
            return new NegotiationAttempt(ConnectSample.ok(connection.connectMillis()), negotiation, connection);
        }
    }

    /** The policy connection: what asking standard RDP security alone gets, and its MCS answer when selected. */
    private record PolicyOutcome(ConnectSample sample, NegotiationEvidence negotiation, EncryptionOfferResult allMethods) {
    }

    /**
     * Servers that accept standard RDP security have methods and a level to read over MCS. Near,
     * the questions start as soon as the policy connection's X.224 answer shows it (while that
     * connection reads the level with every method offered), alongside the TLS part, through the
     * same gate. Far, waiting for that answer costs a round trip more than the questions: they are
     * asked at once, speculatively (the caller drops the evidence when the server refuses).
     */
    private CompletableFuture<StandardSecurityEvidence> standardSecurityQuestions(Target target, InetAddress address,
            CompletableFuture<NegotiationAttempt> policyAnswer, CompletableFuture<PolicyOutcome> policy, ConnectionPacer gate,
            Deadline deadline) {
        Supplier<EncryptionOfferResult> allMethods = () -> allMethodsOf(policy, deadline);
        // One task that waits where it must (each hop to another thread costs a context switch).
        return CompletableFuture.supplyAsync(() -> {
            if (gate.awaitDistance()) {
                return standardSecurity.speculate(target, address, () -> answerOf(policyAnswer, deadline), allMethods,
                        gate, deadline);
            }
            NegotiationAttempt attempt = join(policyAnswer, deadline, false);
            if (attempt == null || attempt.negotiation().selected() != SecurityProtocol.RDP || deadline.expired()) {
                return null;
            }
            return standardSecurity.continueFrom(target, address, attempt.negotiation(), allMethods, gate, deadline);
        }, io);
    }

    private static NegotiationEvidence answerOf(CompletableFuture<NegotiationAttempt> policyAnswer, Deadline deadline) {
        NegotiationAttempt attempt = join(policyAnswer, deadline, false);
        return attempt == null ? timedOut(SecurityProtocol.RDP.bit(), deadline) : attempt.negotiation();
    }

    private static EncryptionOfferResult allMethodsOf(CompletableFuture<PolicyOutcome> policy, Deadline deadline) {
        PolicyOutcome outcome = join(policy, deadline, false);
        return outcome == null ? null : outcome.allMethods();
    }

    /**
     * After the X.224 exchange asking standard RDP security only: when the server selected it (and
     * the enumeration is on), the same connection goes on with the MCS Connect-Initial offering
     * every method: the level and preferred method at no extra connection or round trip of setup.
     */
    private PolicyOutcome finishPolicy(NegotiationAttempt attempt) {
        if (attempt.connection() == null) {
            return new PolicyOutcome(attempt.sample(), attempt.negotiation(), null);
        }
        try {
            EncryptionOfferResult allMethods = options.standardSecurity()
                    && attempt.negotiation().selected() == SecurityProtocol.RDP
                    ? standardSecurity.offerAllMethods(attempt.connection(), attempt.negotiation()) : null;
            return new PolicyOutcome(attempt.sample(), attempt.negotiation(), allMethods);
        } finally {
            attempt.connection().close();
        }
    }

    private MainOutcome mainConnection(InetAddress address, int port, String nameUsed, Deadline deadline,
            ConnectionPacer gate) {
        NegotiationAttempt attempt = connectAndNegotiate(address, port, PREFERRED_PROTOCOLS, deadline, gate);
        PeerConnection connection = attempt.connection();
        if (connection == null) {
            return new MainOutcome(attempt.sample(), attempt.negotiation(), null, null, null);
        }
        try {
            SecurityProtocol selected = attempt.negotiation().selected();
            if (selected == null || !selected.startsTls()) {
                return new MainOutcome(attempt.sample(), attempt.negotiation(), null, null, null);
            }
            long start = System.nanoTime();
            TlsChannel channel;
            try {
                channel = TlsChannel.handshake(connection, TlsChannel.allVersions(), nameUsed, random);
            } catch (IOException | RuntimeException e) {
                ExchangeFailure failure = FailureClassifier.exchangeFailure(e, connection.in().received(),
                        X224Exchange.millisSince(start));
                return new MainOutcome(attempt.sample(), attempt.negotiation(),
                        new TlsEvidence(null, null, failure.afterMillis(), failure), null, null);
            }
            TlsEvidence tls = new TlsEvidence(channel.result().version(), channel.result().cipherSuite(),
                    channel.result().millis(), null);
            CertificateEvidence certificate = null;
            try {
                certificate = analyzer.analyze(channel.result().chain(), nameUsed, clock.instant());
            } catch (CertificateException e) {
                tls = new TlsEvidence(tls.version(), tls.cipherSuite(), tls.millis(),
                        new ExchangeFailure(FailureKind.TLS_ERROR, "the server's certificate cannot be decoded: "
                                + e.getMessage(), tls.millis()));
            }
            NtlmEvidence ntlm = null;
            if (options.credSsp() && selected.usesCredSsp()) {
                ntlm = CredSspExchange.readChallenge(channel, () -> connection.in().received());
            }
            return new MainOutcome(attempt.sample(), attempt.negotiation(), tls, certificate, ntlm);
        } finally {
            connection.close();
        }
    }

    /** One scan connection offering {@code offered}, then one more for the versions its answer leaves open. */
    private List<ScanOutcome> scanVersions(InetAddress address, int port, String nameUsed, Set<TlsVersion> offered,
            Deadline deadline, ConnectionPacer gate) {
        List<ScanOutcome> outcomes = new ArrayList<>();
        Set<TlsVersion> toAsk = offered;
        // Ends: what stays open is always below the version the server chose, so the set shrinks.
        while (!toAsk.isEmpty() && !deadline.expired()) {
            ScanOutcome outcome = scanOnce(address, port, nameUsed, toAsk, deadline, gate);
            outcomes.add(outcome);
            toAsk = outcome.scan() == null ? Set.of() : outcome.scan().unknown();
        }
        return outcomes;
    }

    private ScanOutcome scanOnce(InetAddress address, int port, String nameUsed, Set<TlsVersion> offered,
            Deadline deadline, ConnectionPacer gate) {
        NegotiationAttempt attempt = connectAndNegotiate(address, port, SCAN_PROTOCOLS, deadline, gate);
        PeerConnection connection = attempt.connection();
        if (connection == null) {
            return new ScanOutcome(attempt.sample(), null);
        }
        try {
            SecurityProtocol selected = attempt.negotiation().selected();
            if (selected == null || !selected.startsTls()) {
                return new ScanOutcome(attempt.sample(), null);
            }
            long start = System.nanoTime();
            try {
                TlsVersion chosen = TlsChannel.serverHelloVersion(connection, offered, nameUsed, random);
                return new ScanOutcome(attempt.sample(), VersionScan.interpret(offered, chosen,
                        "the server answered with a version this probe does not know"));
            } catch (IOException | RuntimeException e) {
                ExchangeFailure failure = FailureClassifier.exchangeFailure(e, connection.in().received(),
                        X224Exchange.millisSince(start));
                return new ScanOutcome(attempt.sample(), VersionScan.interpret(offered, null, failure.detail()));
            }
        } finally {
            connection.close();
        }
    }

    private ConnectSample bareConnect(InetAddress address, int port, Deadline deadline, ConnectionPacer gate) {
        long start = System.nanoTime();
        ConnectionPacer.Turn turn = gate.awaitTurn(deadline);
        if (turn == null) {
            return ConnectSample.failed(FailureKind.DEADLINE);
        }
        try (turn; PeerConnection connection = PeerConnection.open(address, port, deadline, options.connectTimeout(),
                options.readTimeout())) {
            turn.connected(connection.connectNanos());
            return ConnectSample.ok(connection.connectMillis());
        } catch (IOException e) {
            return ConnectSample.failed(FailureClassifier.connectFailure(e, X224Exchange.millisSince(start)).kind());
        }
    }

    /**
     * Waits for a step. Every step is itself bounded by the deadline; the extra second only covers
     * scheduling, so a step that somehow overruns is abandoned rather than waited for.
     */
    private static <T> T join(CompletableFuture<T> future, Deadline deadline) {
        return join(future, deadline, true);
    }

    /**
     * @param abandon cancel the step when it overruns; false for a step another step shares (the
     *        policy answer), whose owner decides
     */
    private static <T> T join(CompletableFuture<T> future, Deadline deadline, boolean abandon) {
        try {
            // One grace second after the deadline for all steps together, not one per step.
            return future.get(Math.max(0, deadline.remainingNanos() + TimeUnit.SECONDS.toNanos(1)), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | CancellationException e) {
            if (abandon) {
                future.cancel(true);
            }
            return null;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException) {
                return null; // a step it depended on was abandoned at the deadline
            }
            throw new IllegalStateException("probe step failed unexpectedly: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (abandon) {
                future.cancel(true);
            }
            return null;
        }
    }
}
