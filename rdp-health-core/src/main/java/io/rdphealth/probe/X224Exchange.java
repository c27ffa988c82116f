package io.rdphealth.probe;

import io.rdphealth.evidence.ExchangeFailure;
import io.rdphealth.evidence.NegotiationEvidence;
import io.rdphealth.probe.net.FailureClassifier;
import io.rdphealth.probe.net.PeerConnection;
import io.rdphealth.wire.MalformedPduException;
import io.rdphealth.wire.X224Codec;
import io.rdphealth.wire.X224Confirm;
import java.io.IOException;
import java.time.Duration;

/** Sends one X.224 Connection Request on an open connection and reads the confirm (bounded). */
final class X224Exchange {
    /** How long to wait for more bytes of a non-RDP answer, only to show the peer's banner. */
    private static final Duration BANNER_WAIT = Duration.ofMillis(150);

    private X224Exchange() {
    }

    static NegotiationEvidence negotiate(PeerConnection connection, int requestedProtocols, String cookie) {
        long start = System.nanoTime();
        try {
            connection.send(X224Codec.connectionRequest(requestedProtocols, cookie));
            byte[] header = connection.in().readExactly(X224Codec.TPKT_HEADER_LENGTH);
            int length;
            try {
                length = X224Codec.tpktLength(header);
            } catch (MalformedPduException e) {
                if (e.kind() == MalformedPduException.Kind.NOT_RDP) {
                    byte[] more = connection.in().readAvailable(28, BANNER_WAIT);
                    byte[] seen = concat(header, more);
                    throw new MalformedPduException(MalformedPduException.Kind.NOT_RDP,
                            "not an X.224 confirm: " + X224Codec.describe(seen, seen.length));
                }
                throw e;
            }
            byte[] rest = connection.in().readExactly(length - X224Codec.TPKT_HEADER_LENGTH);
            X224Confirm confirm = X224Codec.decodeConfirm(concat(header, rest));
            return new NegotiationEvidence(requestedProtocols, confirm, null, millisSince(start));
        } catch (IOException | MalformedPduException e) {
            ExchangeFailure failure = FailureClassifier.exchangeFailure(e, connection.in().received(), millisSince(start));
            return new NegotiationEvidence(requestedProtocols, null, failure, millisSince(start));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    static double millisSince(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e4) / 100.0;
    }
}
