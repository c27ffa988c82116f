package io.rdphealth.probe;

import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.evidence.ExchangeFailure;
import io.rdphealth.evidence.NegotiationEvidence;
import io.rdphealth.probe.cert.CertificateDecoder;
import io.rdphealth.probe.net.Deadline;
import io.rdphealth.probe.net.FailureClassifier;
import io.rdphealth.probe.net.PeerConnection;
import io.rdphealth.probe.tls.TlsChannel;
import io.rdphealth.target.Target;
import io.rdphealth.wire.NegotiationFailureCode;
import io.rdphealth.wire.SecurityProtocol;
import io.rdphealth.wire.X224Confirm;
import java.io.IOException;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Reads the leaf certificate an RDP listener serves, with one connection: X.224 asking
 * SSL|HYBRID, then a TLS handshake offering every version. This is what a fix needs to verify its
 * result from the wire ("does the listener now serve the new thumbprint?"), without the
 * {@link WireProbe}'s four or more connections, version scans and CredSSP exchange.
 *
 * <p>Bounded like the probe: connect by {@link ProbeOptions#connectTimeout()}, each read by
 * {@link ProbeOptions#readTimeout()}, everything (resolution included) by
 * {@link ProbeOptions#targetDeadline()}. Thread-safe; holds no connection between calls.
 */
public final class ListenerCertificateReader {
    /** What is asked for: TLS with or without NLA, so an NLA-only listener still shows its certificate. */
    static final int REQUESTED = SecurityProtocol.SSL.bit() | SecurityProtocol.HYBRID.bit();

    /** Resolution runs on a throwaway daemon thread: the JDK resolver cannot be interrupted, only abandoned. */
    private static final Executor RESOLVER_THREADS = task -> {
        Thread thread = new Thread(task, "rdphealth-resolve");
        thread.setDaemon(true);
        thread.start();
    };

    private final ProbeOptions options;
    private final SecureRandom random = new SecureRandom();

    public ListenerCertificateReader(ProbeOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The leaf certificate {@code target} serves over TLS.
     *
     * @throws IOException when the name does not resolve, the connection is refused or times out, the server
     *                     does not select TLS (standard RDP security, a negotiation failure, not RDP at all) or
     *                     the TLS handshake fails; the message names the target and what the server did
     */
    public CertificateInfo read(Target target) throws IOException {
        Deadline deadline = Deadline.after(options.targetDeadline());
        InetAddress address = resolve(target, deadline);
        long start = System.nanoTime();
        PeerConnection connection;
        try {
            connection = PeerConnection.open(address, target.port(), deadline, options.connectTimeout(),
                    options.readTimeout());
        } catch (IOException e) {
            throw failure(target, "cannot connect", FailureClassifier.connectFailure(e, X224Exchange.millisSince(start)), e);
        }
        try (connection) {
            NegotiationEvidence negotiation = X224Exchange.negotiate(connection, REQUESTED, null);
            if (negotiation.failure() != null) {
                throw failure(target, "no X.224 confirm", negotiation.failure(), null);
            }
            SecurityProtocol selected = negotiation.selected();
            if (selected == null || !selected.startsTls()) {
                throw new IOException(target.authority() + ": the server does not offer TLS, so it serves no certificate: "
                        + describe(negotiation.confirm()));
            }
            long tlsStart = System.nanoTime();
            TlsChannel channel;
            try {
                channel = TlsChannel.handshake(connection, TlsChannel.allVersions(), target.host(), random);
            } catch (IOException | RuntimeException e) {
                throw failure(target, "TLS handshake failed after the server selected " + selected,
                        FailureClassifier.exchangeFailure(e, connection.in().received(), X224Exchange.millisSince(tlsStart)), e);
            }
            if (channel.result().chain().isEmpty()) {
                throw new IOException(target.authority() + ": the TLS handshake completed without a server certificate");
            }
            try {
                CertificateDecoder decoder = new CertificateDecoder();
                return decoder.describe(decoder.parse(channel.result().chain().get(0)));
            } catch (CertificateException e) {
                throw new IOException(target.authority() + ": the served certificate cannot be decoded: " + e.getMessage(), e);
            }
        }
    }

    private InetAddress resolve(Target target, Deadline deadline) throws IOException {
        NameResolver.Resolution resolution = new NameResolver(RESOLVER_THREADS)
                .resolve(target, deadline, options.targetDeadline());
        if (resolution.addresses().isEmpty()) {
            throw new IOException(target.authority() + ": " + resolution.evidence().error());
        }
        return resolution.addresses().get(0);
    }

    /** What the confirm said instead of selecting TLS. */
    static String describe(X224Confirm confirm) {
        if (confirm instanceof X224Confirm.NegotiationFailure failure) {
            NegotiationFailureCode code = failure.failure();
            return "it answered RDP_NEG_FAILURE " + (code == null ? "with undefined code " + failure.failureCode()
                    : code + " (" + code.code() + ")");
        }
        if (confirm instanceof X224Confirm.LegacyConfirm) {
            return "it answered without negotiation data (standard RDP security only)";
        }
        if (confirm instanceof X224Confirm.NegotiationResponse response) {
            SecurityProtocol protocol = response.protocol();
            if (protocol == null) {
                return "it selected undefined protocol 0x" + Integer.toHexString(response.selectedProtocol());
            }
            return protocol == SecurityProtocol.RDP
                    ? "it selected standard RDP security although SSL|HYBRID was asked (TLS disabled on the listener)"
                    : "it selected " + protocol + " although SSL|HYBRID was asked";
        }
        return "no confirm";
    }

    private static IOException failure(Target target, String what, ExchangeFailure failure, Throwable cause) {
        String text = target.authority() + ": " + what + ": " + failure.detail() + " (" + failure.kind() + " after "
                + failure.afterMillis() + " ms)";
        return cause == null ? new IOException(text) : new IOException(text, cause);
    }
}
