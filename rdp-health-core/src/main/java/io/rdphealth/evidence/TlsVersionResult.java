package io.rdphealth.evidence;

/**
 * Whether the server completed a handshake limited to one TLS version.
 *
 * @param version  the version offered, alone
 * @param accepted whether the handshake completed
 * @param detail   for a refusal, the alert or error seen; {@code null} when accepted
 */
public record TlsVersionResult(TlsVersion version, boolean accepted, String detail) {
}
