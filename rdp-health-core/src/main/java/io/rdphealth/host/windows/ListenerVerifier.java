package io.rdphealth.host.windows;

import java.io.IOException;

/**
 * Reads, from the wire, which certificate a local RDP listener serves. The fixes verify their
 * result through it (the lead implements it with the wire probe against 127.0.0.1).
 */
@FunctionalInterface
public interface ListenerVerifier {
    /**
     * The SHA-1 thumbprint (upper-case hex) of the leaf certificate served on {@code 127.0.0.1:port}.
     *
     * @throws IOException when the listener does not complete a TLS handshake within the probe's deadline
     */
    String servedSha1Thumbprint(int port) throws IOException;
}
