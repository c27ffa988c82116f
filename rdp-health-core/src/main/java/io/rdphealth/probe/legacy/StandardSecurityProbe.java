package io.rdphealth.probe.legacy;

import io.rdphealth.evidence.EncryptionOfferResult;
import io.rdphealth.evidence.ExchangeFailure;
import io.rdphealth.evidence.FailureKind;
import io.rdphealth.evidence.NegotiationEvidence;
import io.rdphealth.evidence.ProtocolSupport;
import io.rdphealth.evidence.StandardSecurityEvidence;
import io.rdphealth.probe.net.ConnectionPacer;
import io.rdphealth.probe.net.Deadline;
import io.rdphealth.probe.net.FailureClassifier;
import io.rdphealth.probe.net.PeerConnection;
import io.rdphealth.target.Target;
import io.rdphealth.wire.EncryptionMethod;
import io.rdphealth.wire.MalformedPduException;
import io.rdphealth.wire.McsCodec;
import io.rdphealth.wire.McsConnectResponse;
import io.rdphealth.wire.SecurityProtocol;
import io.rdphealth.wire.X224Codec;
import io.rdphealth.wire.X224Confirm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Enumerates standard RDP security without credentials: asks for standard RDP security alone; when
 * the server selects it, sends the MCS Connect-Initial (offering every encryption method, then each
 * alone) and reads the encryption method and level from the server security data. Then asks for
 * RDSTLS and HYBRID_EX, each alone, and records what the server selected. One connection per
 * question: the first alone, the others at once on the given executor, spaced by a
 * {@link ConnectionPacer} (xrdp's listen backlog is 2), all within the overall deadline.
 */
public final class StandardSecurityProbe {
    /** The order methods are offered alone: weakest first, like the report lists them. */
    private static final List<EncryptionMethod> METHODS =
            List.of(EncryptionMethod.BITS_40, EncryptionMethod.BITS_56, EncryptionMethod.BITS_128, EncryptionMethod.FIPS);
    private static final List<SecurityProtocol> EXTRA_PROTOCOLS = List.of(SecurityProtocol.RDSTLS, SecurityProtocol.HYBRID_EX);

    private final StandardSecurityOptions options;
    private final Executor io;

    /** A probe that asks its follow-up questions one after the other, on the calling thread. */
    public StandardSecurityProbe(StandardSecurityOptions options) {
        this(options, Runnable::run);
    }

    /** @param io executor for the follow-up questions (several at once per address) */
    public StandardSecurityProbe(StandardSecurityOptions options, Executor io) {
        this.options = Objects.requireNonNull(options, "options");
        this.io = Objects.requireNonNull(io, "io");
    }


    /** Probes the first address {@code target} resolves to. */
    public StandardSecurityEvidence probe(Target target) {
        long start = System.nanoTime();
        InetAddress address;
        try {
            address = InetAddress.getByName(target.host());
        } catch (UnknownHostException e) {
            ExchangeFailure failure = new ExchangeFailure(FailureKind.DNS_UNRESOLVED, "'" + target.host() + "' does not resolve", millisSince(start));
            return new StandardSecurityEvidence(null, new NegotiationEvidence(SecurityProtocol.RDP.bit(), null, failure, failure.afterMillis()),
                    null, List.of(), List.of(), 0, millisSince(start));
        }
        return probe(target, address);
    }

    /** Probes one address of {@code target}. */
    public StandardSecurityEvidence probe(Target target, InetAddress address) {
        return probe(target, address, new ConnectionPacer(), Deadline.after(options.overallTimeout()));
    }

    /**
     * Probes one address, sharing {@code gate} with whatever else probes that address at the same
     * time (the wire probe's other connections), within {@code deadline}.
     */
    public StandardSecurityEvidence probe(Target target, InetAddress address, ConnectionPacer gate, Deadline deadline) {
        long start = System.nanoTime();
        AtomicInteger connections = new AtomicInteger();

        Exchange first = exchange(address, target.port(), SecurityProtocol.RDP.bit(), EncryptionMethod.ALL_BITS, deadline,
                connections, gate);
        NegotiationEvidence rdpOnly = first.negotiation();
        if (rdpOnly.failure() != null && isUnreachable(rdpOnly.failure().kind())) {
            return new StandardSecurityEvidence(address.getHostAddress(), rdpOnly, null, List.of(), List.of(), connections.get(), millisSince(start));
        }
        return followUps(target, address, rdpOnly.selected() == SecurityProtocol.RDP, () -> rdpOnly, first::offer, gate,
                deadline, connections, start);
    }

    /**
     * The Connect-Initial offering every method, on a connection whose X.224 exchange just
     * selected standard RDP security (the wire probe's policy connection): the server's preferred
     * method and its level, without a connection of its own.
     */
    public EncryptionOfferResult offerAllMethods(PeerConnection connection, NegotiationEvidence rdpOnly) {
        return offer(connection, rdpOnly, EncryptionMethod.ALL_BITS);
    }

    /**
     * The rest of the probe after {@code rdpOnly} came from elsewhere: each method alone (when it
     * selected standard security), RDSTLS and HYBRID_EX alone. {@code allMethods} is what the
     * Connect-Initial offering every method got on that other connection (or null); it is asked
     * for only after the questions here were answered, so both run at once. The evidence counts
     * only the connections opened here.
     */
    public StandardSecurityEvidence continueFrom(Target target, InetAddress address, NegotiationEvidence rdpOnly,
            Supplier<EncryptionOfferResult> allMethods, ConnectionPacer gate, Deadline deadline) {
        return followUps(target, address, rdpOnly.selected() == SecurityProtocol.RDP, () -> rdpOnly, allMethods, gate,
                deadline, new AtomicInteger(), System.nanoTime());
    }

    /**
     * Like {@link #continueFrom} but before the answer to standard RDP security alone is known:
     * every follow-up question is asked at once, and {@code rdpOnly} is asked for at the end. For
     * a server at a distance, where waiting for that answer would cost a round trip more than the
     * questions themselves. When the server turns out to refuse standard security, the
     * per-method questions were answered with the same refusal (their connections end after the
     * X.224 exchange) and the caller may discard the evidence; its connections are counted.
     */
    public StandardSecurityEvidence speculate(Target target, InetAddress address, Supplier<NegotiationEvidence> rdpOnly,
            Supplier<EncryptionOfferResult> allMethods, ConnectionPacer gate, Deadline deadline) {
        return followUps(target, address, true, rdpOnly, allMethods, gate, deadline, new AtomicInteger(), System.nanoTime());
    }

    private StandardSecurityEvidence followUps(Target target, InetAddress address, boolean askMethods,
            Supplier<NegotiationEvidence> rdpOnlyLater, Supplier<EncryptionOfferResult> allMethodsLater, ConnectionPacer gate,
            Deadline deadline, AtomicInteger connections, long start) {
        // The follow-up questions are independent: ask them at once, spaced by the pacer (xrdp's
        // listen backlog is 2, so a fourth simultaneous SYN would wait for a kernel retry).
        List<CompletableFuture<EncryptionOfferResult>> singleFutures = new ArrayList<>();
        if (askMethods && options.enumerateMethods()) {
            for (EncryptionMethod method : METHODS) {
                singleFutures.add(CompletableFuture.supplyAsync(
                        () -> exchange(address, target.port(), SecurityProtocol.RDP.bit(), method.bit(), deadline, connections, gate)
                                .offerOrRefusal(method.bit()), io));
            }
        }
        List<CompletableFuture<ProtocolSupport>> protocolFutures = new ArrayList<>();
        for (SecurityProtocol protocol : EXTRA_PROTOCOLS.subList(0, EXTRA_PROTOCOLS.size() - 1)) {
            protocolFutures.add(CompletableFuture.supplyAsync(() -> protocolSupport(address, target.port(), protocol,
                    deadline, connections, gate), io));
        }
        // The last question runs on this thread, which would otherwise only wait for the others.
        ProtocolSupport last = protocolSupport(address, target.port(), EXTRA_PROTOCOLS.get(EXTRA_PROTOCOLS.size() - 1),
                deadline, connections, gate);
        List<EncryptionOfferResult> single = singleFutures.stream().map(CompletableFuture::join).toList();
        List<ProtocolSupport> protocols = new ArrayList<>(protocolFutures.stream().map(CompletableFuture::join).toList());
        protocols.add(last);
        NegotiationEvidence rdpOnly = rdpOnlyLater.get();
        EncryptionOfferResult allMethods = allMethodsLater.get();
        return new StandardSecurityEvidence(address.getHostAddress(), rdpOnly, allMethods, single, protocols, connections.get(), millisSince(start));
    }

    private ProtocolSupport protocolSupport(InetAddress address, int port, SecurityProtocol protocol, Deadline deadline,
            AtomicInteger connections, ConnectionPacer gate) {
        return new ProtocolSupport(protocol, exchange(address, port, protocol.bit(), 0, deadline, connections, gate).negotiation());
    }

    private static boolean isUnreachable(FailureKind kind) {
        return kind == FailureKind.REFUSED || kind == FailureKind.CONNECT_TIMEOUT || kind == FailureKind.DNS_UNRESOLVED;
    }

    /** One connection: the X.224 exchange, then (when standard security was selected and methods given) the MCS one. */
    private record Exchange(NegotiationEvidence negotiation, EncryptionOfferResult offer) {
        EncryptionOfferResult offerOrRefusal(int methods) {
            return offer != null ? offer : new EncryptionOfferResult(methods, negotiation, null, null, 0);
        }
    }

    /**
     * One question on its own connection, started when {@code gate} gives it a turn; the turn
     * ends with the X.224 answer (the server has accepted), not with the MCS exchange after it.
     */
    private Exchange exchange(InetAddress address, int port, int requestedProtocols, int methods, Deadline deadline,
            AtomicInteger connections, ConnectionPacer gate) {
        long start = System.nanoTime();
        if (deadline.expired()) {
            ExchangeFailure failure = new ExchangeFailure(FailureKind.DEADLINE, "the probe's deadline passed before this connection", 0);
            return new Exchange(new NegotiationEvidence(requestedProtocols, null, failure, 0), null);
        }
        ConnectionPacer.Turn turn = gate.awaitTurn(deadline);
        if (turn == null) {
            ExchangeFailure failure = new ExchangeFailure(FailureKind.DEADLINE, "the probe's deadline passed before this connection's turn", 0);
            return new Exchange(new NegotiationEvidence(requestedProtocols, null, failure, 0), null);
        }
        PeerConnection connection;
        NegotiationEvidence negotiation;
        try (turn) {
            connections.incrementAndGet();
            try {
                connection = PeerConnection.open(address, port, deadline, options.connectTimeout(), options.readTimeout());
            } catch (IOException e) {
                ExchangeFailure failure = FailureClassifier.connectFailure(e, millisSince(start));
                return new Exchange(new NegotiationEvidence(requestedProtocols, null, failure, failure.afterMillis()), null);
            }
            turn.connected(connection.connectNanos());
            negotiation = negotiate(connection, requestedProtocols);
        }
        try (connection) {
            if (negotiation.selected() != SecurityProtocol.RDP || methods == 0) {
                return new Exchange(negotiation, null);
            }
            return new Exchange(negotiation, offer(connection, negotiation, methods));
        }
    }

    private static NegotiationEvidence negotiate(PeerConnection connection, int requestedProtocols) {
        long start = System.nanoTime();
        try {
            connection.send(X224Codec.connectionRequest(requestedProtocols, null));
            byte[] header = connection.in().readExactly(X224Codec.TPKT_HEADER_LENGTH);
            byte[] rest = connection.in().readExactly(X224Codec.tpktLength(header) - header.length);
            X224Confirm confirm = X224Codec.decodeConfirm(concat(header, rest));
            return new NegotiationEvidence(requestedProtocols, confirm, null, millisSince(start));
        } catch (IOException | MalformedPduException e) {
            ExchangeFailure failure = FailureClassifier.exchangeFailure(e, connection.in().received(), millisSince(start));
            return new NegotiationEvidence(requestedProtocols, null, failure, failure.afterMillis());
        }
    }

    private EncryptionOfferResult offer(PeerConnection connection, NegotiationEvidence negotiation, int methods) {
        long start = System.nanoTime();
        long before = connection.in().received();
        try {
            connection.send(McsCodec.connectInitial(methods, SecurityProtocol.RDP.bit(), options.clientName()));
            byte[] header = connection.in().readExactly(X224Codec.TPKT_HEADER_LENGTH);
            byte[] rest = connection.in().readExactly(McsCodec.tpktLength(header) - header.length);
            McsConnectResponse response = McsCodec.decodeConnectResponse(concat(header, rest));
            return new EncryptionOfferResult(methods, negotiation, response, null, millisSince(start));
        } catch (IOException | MalformedPduException e) {
            ExchangeFailure failure = FailureClassifier.exchangeFailure(e, connection.in().received() - before, millisSince(start));
            return new EncryptionOfferResult(methods, negotiation, null, failure, failure.afterMillis());
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static double millisSince(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e4) / 100.0;
    }
}
