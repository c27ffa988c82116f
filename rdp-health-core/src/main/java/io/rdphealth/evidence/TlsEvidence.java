package io.rdphealth.evidence;

/**
 * The TLS handshake on the main probe connection (all versions offered).
 *
 * @param version     negotiated version, or {@code null} when the handshake failed
 * @param cipherSuite negotiated cipher suite name (IANA), or {@code null}
 * @param millis      handshake time
 * @param failure     why the handshake failed, or {@code null}
 */
public record TlsEvidence(TlsVersion version, String cipherSuite, double millis, ExchangeFailure failure) {
    public boolean succeeded() {
        return failure == null;
    }
}
