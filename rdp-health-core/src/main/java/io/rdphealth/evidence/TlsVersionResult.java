package io.rdphealth.evidence;

/**
 * Whether the server accepts one TLS version: it chose that version in its hello when it was the
 * highest version offered (a server picks the highest it supports; TLS 1.0 and 1.1 are offered
 * together, TLS 1.2 alone, TLS 1.3 by the main handshake).
 *
 * @param version  the version
 * @param accepted whether the server chose it
 * @param detail   for a refusal, the alert or error seen, or the lower version the server chose;
 *                 {@code null} when accepted
 */
public record TlsVersionResult(TlsVersion version, boolean accepted, String detail) {
}
