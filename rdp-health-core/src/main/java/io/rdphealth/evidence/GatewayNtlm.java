package io.rdphealth.evidence;

import io.rdphealth.wire.NtlmChallenge;

/**
 * The credential-free NTLM step with an RD Gateway that offers NTLM or Negotiate: an
 * {@code RDG_OUT_DATA} carrying {@code Authorization: <scheme> <NTLM NEGOTIATE>} on its own TLS
 * connection, answered by a 401 whose WWW-Authenticate carries the NTLM CHALLENGE. The CHALLENGE
 * names the gateway (NetBIOS and DNS computer/domain names) and its Windows version, as the
 * CredSSP CHALLENGE of an RDP listener does.
 *
 * @param scheme    {@code NTLM} or {@code Negotiate}: the scheme the NEGOTIATE was sent with
 *                  (NTLM when offered; an NTLM message inside Negotiate is accepted by Windows)
 * @param negotiate the request carrying the NEGOTIATE and the head of its answer
 * @param challenge the decoded CHALLENGE, or {@code null}
 * @param failure   why no CHALLENGE was decoded (no answer, not 401, no token, token too long or
 *                  not base64, malformed NTLM), or {@code null}
 */
public record GatewayNtlm(String scheme, GatewayHandshake negotiate, NtlmChallenge challenge, ExchangeFailure failure) {
}
