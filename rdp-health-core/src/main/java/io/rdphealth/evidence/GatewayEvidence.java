package io.rdphealth.evidence;

/**
 * What the RD Gateway probe saw. Components it could not reach because an earlier step failed are
 * {@code null}.
 *
 * @param gateway        the gateway as the user wrote it ({@code host[:port]})
 * @param address        the IP address connected to, or {@code null} when none was reached
 * @param connectMillis  TCP connect time of the first connection, or {@code null}
 * @param connectFailure why the gateway was not reached (DNS, refused, timeout), or {@code null}
 * @param tls            the TLS handshake of the first connection
 * @param certificate    the gateway's certificate chain and its checks
 * @param http           the credential-free RDG_OUT_DATA request
 * @param websocket      the same request asking for the websocket upgrade, or {@code null} when not asked
 * @param authenticated  the request carrying the given credentials, or {@code null} when none were given
 * @param ntlm           the credential-free NTLM NEGOTIATE/CHALLENGE step, or {@code null} when the
 *                       gateway offered neither NTLM nor Negotiate
 * @param authentication the verdict on {@code authenticated}, or {@code null} when no credentials were given
 * @param connections    TCP connections opened
 * @param millis         wall time
 */
public record GatewayEvidence(
        String gateway,
        String address,
        Double connectMillis,
        ExchangeFailure connectFailure,
        TlsEvidence tls,
        CertificateEvidence certificate,
        GatewayHandshake http,
        GatewayHandshake websocket,
        GatewayHandshake authenticated,
        GatewayNtlm ntlm,
        GatewayAuthentication authentication,
        int connections,
        double millis) {

    public boolean reached() {
        return connectFailure == null;
    }
}
