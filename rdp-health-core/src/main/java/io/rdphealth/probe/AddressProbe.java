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
import io.rdphealth.target.Target;
import io.rdphealth.probe.net.Deadline;
import io.rdphealth.probe.net.FailureClassifier;
import io.rdphealth.probe.net.PeerConnection;
import io.rdphealth.probe.tls.TlsChannel;
import io.rdphealth.wire.SecurityProtocol;
import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Everything the wire tells about one address, from as few round trips as possible: all
 * connections run at once, each bounded by the target's deadline.
 *
 * <ul>
 *   <li>main: X.224 asking SSL|HYBRID|HYBRID_EX (what the server prefers), then TLS offering every
 *       version (negotiated version, cipher, chain), then CredSSP/NTLM when HYBRID was selected;</li>
 *   <li>policy: X.224 asking standard RDP security only (is legacy RDP allowed, TLS or NLA required);</li>
 *   <li>scan: one connection per TLS version 1.0, 1.1, 1.2 offered alone. TLS 1.3 needs no
 *       connection of its own: the main handshake offers it, and a server picks its highest.</li>
 * </ul>
 */
final class AddressProbe {
    static final int PREFERRED_PROTOCOLS = SecurityProtocol.SSL.bit() | SecurityProtocol.HYBRID.bit()
            | SecurityProtocol.HYBRID_EX.bit();
    static final int SCAN_PROTOCOLS = SecurityProtocol.SSL.bit() | SecurityProtocol.HYBRID.bit();
    /** TLS 1.2 first: its full handshake is the longest, so it gets a place in the first wave. */
    private static final List<TlsVersion> SCANNED = List.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_0, TlsVersion.TLS_1_1);
    /**
     * Connections per address allowed between connect and the X.224 confirm. xrdp listens with a
     * backlog of 2 (an accept queue of 3); a fourth simultaneous SYN is dropped and retried by the
     * kernel a second later. Once a confirm arrives the server has accepted, and the next may start.
     */
    static final int CONCURRENT_NEGOTIATIONS_PER_ADDRESS = 3;

    private final ProbeOptions options;
    private final StandardSecurityProbe standardSecurity;
    private final CertificateAnalyzer analyzer;
    private final Executor io;
    private final Clock clock;
    private final SecureRandom random;

    AddressProbe(ProbeOptions options, CertificateAnalyzer analyzer, Executor io, Clock clock, SecureRandom random) {
        this.options = options;
        this.standardSecurity = new StandardSecurityProbe(StandardSecurityOptions.from(options), io);
        this.analyzer = analyzer;
        this.io = io;
        this.clock = clock;
        this.random = random;
    }

    /** What the main connection saw. */
    private record MainOutcome(ConnectSample sample, NegotiationEvidence negotiation, TlsEvidence tls,
            CertificateEvidence certificate, NtlmEvidence ntlm) {
    }

    /** What a version-scan connection saw; {@code result} is null when the server did not select TLS. */
    private record ScanOutcome(ConnectSample sample, TlsVersionResult result) {
    }

    WireEvidence probe(InetAddress address, int port, String nameUsed, Deadline deadline) {
        long start = System.nanoTime();
        Semaphore gate = new Semaphore(CONCURRENT_NEGOTIATIONS_PER_ADDRESS, true);
        CompletableFuture<MainOutcome> main = CompletableFuture.supplyAsync(
                () -> mainConnection(address, port, nameUsed, deadline, gate), io);
        CompletableFuture<PolicyOutcome> policy = CompletableFuture.supplyAsync(
                () -> policyConnection(address, port, deadline, gate), io);
        List<CompletableFuture<ScanOutcome>> scans = new ArrayList<>();
        if (options.scanTlsVersions()) {
            for (TlsVersion version : SCANNED) {
                scans.add(CompletableFuture.supplyAsync(
                        () -> scanVersion(address, port, nameUsed, version, deadline, gate), io));
            }
        }
        // Servers that accept standard RDP security have methods and a level to read over MCS: ask
        // as soon as the policy connection shows it, alongside the TLS part, through the same gate.
        CompletableFuture<StandardSecurityEvidence> standard = policy.thenComposeAsync(outcome ->
                outcome.allMethods() != null && !deadline.expired()
                        ? CompletableFuture.supplyAsync(() -> standardSecurity.continueFrom(Target.of(nameUsed, port), address,
                                outcome.negotiation(), outcome.allMethods(), gate, deadline), io)
                        : CompletableFuture.completedFuture(null), io);
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
        for (CompletableFuture<ScanOutcome> scan : scans) {
            ScanOutcome outcome = join(scan, deadline);
            if (outcome != null) {
                connections++;
                samples.add(outcome.sample());
                if (outcome.result() != null) {
                    versions.add(outcome.result());
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
        }
        NegotiationEvidence preferred = mainOutcome == null
                ? timedOut(PREFERRED_PROTOCOLS, deadline) : mainOutcome.negotiation();
        NegotiationEvidence rdpOnly = policyOutcome == null
                ? timedOut(SecurityProtocol.RDP.bit(), deadline) : policyOutcome.negotiation();
        return new WireEvidence(address.getHostAddress(), new TcpEvidence(samples), preferred, rdpOnly, tls,
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
            Semaphore gate) {
        long start = System.nanoTime();
        if (!enter(gate, deadline)) {
            return new NegotiationAttempt(ConnectSample.failed(FailureKind.DEADLINE),
                    timedOut(protocols, deadline), null);
        }
        try {
            PeerConnection connection;
            try {
                connection = PeerConnection.open(address, port, deadline, options.connectTimeout(), options.readTimeout());
            } catch (IOException e) {
                ExchangeFailure failure = FailureClassifier.connectFailure(e, X224Exchange.millisSince(start));
                return new NegotiationAttempt(ConnectSample.failed(failure.kind()),
                        new NegotiationEvidence(protocols, null, failure, failure.afterMillis()), null);
            }
            NegotiationEvidence negotiation = X224Exchange.negotiate(connection, protocols, null);
            return new NegotiationAttempt(ConnectSample.ok(connection.connectMillis()), negotiation, connection);
        } finally {
            gate.release();
        }
    }

    private static boolean enter(Semaphore gate, Deadline deadline) {
        try {
            return gate.tryAcquire(Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The policy connection: what asking standard RDP security alone gets, and its MCS answer when selected. */
    private record PolicyOutcome(ConnectSample sample, NegotiationEvidence negotiation, EncryptionOfferResult allMethods) {
    }

    /**
     * X.224 asking standard RDP security only. When the server selects it (and the enumeration is
     * on), the same connection goes on with the MCS Connect-Initial offering every method: the
     * level and preferred method at no extra connection or round trip of setup.
     */
    private PolicyOutcome policyConnection(InetAddress address, int port, Deadline deadline, Semaphore gate) {
        NegotiationAttempt attempt = connectAndNegotiate(address, port, SecurityProtocol.RDP.bit(), deadline, gate);
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
            Semaphore gate) {
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

    private ScanOutcome scanVersion(InetAddress address, int port, String nameUsed, TlsVersion version,
            Deadline deadline, Semaphore gate) {
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
                TlsChannel.handshake(connection, EnumSet.of(version), nameUsed, random);
                return new ScanOutcome(attempt.sample(), new TlsVersionResult(version, true, null));
            } catch (IOException | RuntimeException e) {
                ExchangeFailure failure = FailureClassifier.exchangeFailure(e, connection.in().received(),
                        X224Exchange.millisSince(start));
                return new ScanOutcome(attempt.sample(), new TlsVersionResult(version, false, failure.detail()));
            }
        } finally {
            connection.close();
        }
    }

    private ConnectSample bareConnect(InetAddress address, int port, Deadline deadline, Semaphore gate) {
        long start = System.nanoTime();
        if (!enter(gate, deadline)) {
            return ConnectSample.failed(FailureKind.DEADLINE);
        }
        try (PeerConnection connection = PeerConnection.open(address, port, deadline, options.connectTimeout(),
                options.readTimeout())) {
            return ConnectSample.ok(connection.connectMillis());
        } catch (IOException e) {
            return ConnectSample.failed(FailureClassifier.connectFailure(e, X224Exchange.millisSince(start)).kind());
        } finally {
            gate.release();
        }
    }

    /**
     * Waits for a step. Every step is itself bounded by the deadline; the extra second only covers
     * scheduling, so a step that somehow overruns is abandoned rather than waited for.
     */
    private static <T> T join(CompletableFuture<T> future, Deadline deadline) {
        try {
            return future.get(Math.max(0, deadline.remainingNanos()) + TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | CancellationException e) {
            future.cancel(true);
            return null;
        } catch (ExecutionException e) {
            throw new IllegalStateException("probe step failed unexpectedly: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return null;
        }
    }
}
