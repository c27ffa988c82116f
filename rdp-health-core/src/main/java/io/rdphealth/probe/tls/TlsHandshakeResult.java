package io.rdphealth.probe.tls;

import io.rdphealth.evidence.TlsVersion;
import java.util.List;

/**
 * A completed TLS handshake.
 *
 * @param version     negotiated version
 * @param cipherSuite IANA cipher suite name
 * @param chain       DER certificates as sent, leaf first
 * @param millis      handshake duration
 */
public record TlsHandshakeResult(TlsVersion version, String cipherSuite, List<byte[]> chain, double millis) {
    public TlsHandshakeResult {
        chain = List.copyOf(chain);
    }
}
