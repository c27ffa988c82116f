package io.rdphealth.probe.net;

import io.rdphealth.evidence.ExchangeFailure;
import io.rdphealth.evidence.FailureKind;
import io.rdphealth.wire.MalformedPduException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsNoCloseNotifyException;

/**
 * Turns what went wrong in an exchange into a classified {@link ExchangeFailure}. Causes are
 * searched through the whole chain because BouncyCastle wraps socket errors in TLS alerts.
 */
public final class FailureClassifier {
    private FailureClassifier() {
    }

    /** A failure to connect. */
    public static ExchangeFailure connectFailure(Throwable error, double afterMillis) {
        if (error instanceof SocketTimeoutException) {
            return new ExchangeFailure(FailureKind.CONNECT_TIMEOUT, "no answer to the TCP handshake", afterMillis);
        }
        if (error instanceof NoRouteToHostException) {
            return new ExchangeFailure(FailureKind.REFUSED, "no route to host: " + error.getMessage(), afterMillis);
        }
        if (error instanceof ConnectException) {
            return new ExchangeFailure(FailureKind.REFUSED, "connection refused", afterMillis);
        }
        if (error instanceof UnknownHostException) {
            return new ExchangeFailure(FailureKind.DNS_UNRESOLVED, "unknown host " + error.getMessage(), afterMillis);
        }
        return new ExchangeFailure(FailureKind.REFUSED, describe(error), afterMillis);
    }

    /**
     * A failure after the connection was open.
     *
     * @param received bytes the peer had sent on this connection before the failure
     */
    public static ExchangeFailure exchangeFailure(Throwable error, long received, double afterMillis) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof MalformedPduException malformed) {
                FailureKind kind = malformed.kind() == MalformedPduException.Kind.NOT_RDP
                        ? FailureKind.NOT_RDP : FailureKind.MALFORMED;
                return new ExchangeFailure(kind, malformed.getMessage(), afterMillis);
            }
            if (t instanceof DeadlineExceededException || t instanceof SocketTimeoutException) {
                return received == 0
                        ? new ExchangeFailure(FailureKind.SILENT, "the peer sent nothing before the deadline", afterMillis)
                        : new ExchangeFailure(FailureKind.DEADLINE,
                                "the peer sent " + received + " bytes, then stalled or dripped past the deadline", afterMillis);
            }
            if (t instanceof PeerClosedException || t instanceof EOFException || t instanceof TlsNoCloseNotifyException) {
                return new ExchangeFailure(FailureKind.DROPPED,
                        "the peer closed the connection after sending " + received + " bytes", afterMillis);
            }
            if (t instanceof SocketException) {
                return new ExchangeFailure(FailureKind.DROPPED,
                        "the connection was reset (" + t.getMessage() + ") after " + received + " bytes from the peer", afterMillis);
            }
        }
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof TlsFatalAlertReceived received2) {
                return new ExchangeFailure(FailureKind.TLS_ERROR,
                        "the server sent TLS alert " + alert(received2.getAlertDescription()), afterMillis);
            }
            if (t instanceof TlsFatalAlert alert) {
                return new ExchangeFailure(FailureKind.TLS_ERROR,
                        "TLS handshake failed: " + alert(alert.getAlertDescription())
                                + (alert.getMessage() == null ? "" : " (" + alert.getMessage() + ")"), afterMillis);
            }
        }
        return new ExchangeFailure(FailureKind.DROPPED, describe(error), afterMillis);
    }

    public static String alert(short description) {
        return AlertDescription.getText(description);
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
