package io.rdphealth.probe.tls;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsFatalAlert;

/**
 * Ends a handshake on purpose once the server's hello named a version: a version scan needs no
 * more, and stopping there saves the key exchange on both sides and a round trip. A
 * {@link TlsFatalAlert} so that BouncyCastle sends {@code user_canceled} and rethrows it as is.
 */
final class ServerHelloReceived extends TlsFatalAlert {
    private static final long serialVersionUID = 1L;

    private final transient ProtocolVersion version;

    ServerHelloReceived(ProtocolVersion version) {
        super(AlertDescription.user_canceled, "stopped after the ServerHello (" + version + ")");
        this.version = version;
    }

    ProtocolVersion version() {
        return version;
    }
}
