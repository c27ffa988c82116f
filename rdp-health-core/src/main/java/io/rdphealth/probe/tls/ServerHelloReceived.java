package io.rdphealth.probe.tls;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsFatalAlertReceived;

/**
 * Ends a handshake on purpose once the server's hello named a version: a version scan needs no
 * more, and stopping there saves the key exchange on both sides and a round trip. A
 * {@link TlsFatalAlertReceived} because BouncyCastle rethrows that as is WITHOUT sending an alert
 * of its own; the caller then resets the connection. Sending one (as any other exception would)
 * makes Windows log a Schannel event 36887 ("a fatal alert was received") for every probe.
 */
final class ServerHelloReceived extends TlsFatalAlertReceived {
    private static final long serialVersionUID = 1L;

    private final transient ProtocolVersion version;

    ServerHelloReceived(ProtocolVersion version) {
        super(AlertDescription.user_canceled);
        this.version = version;
    }

    ProtocolVersion version() {
        return version;
    }

    @Override
    public String getMessage() {
        return "stopped after the ServerHello (" + version + ")";
    }
}
