package io.rdphealth.evidence;

import io.rdphealth.wire.NtlmChallenge;

/**
 * The CredSSP exchange on a HYBRID connection, credential-free.
 *
 * @param tsRequestVersion the server's TSRequest version, or {@code null} when none came
 * @param challenge        the decoded NTLM CHALLENGE, or {@code null}
 * @param failure          why no challenge was read, or {@code null}
 */
public record NtlmEvidence(Integer tsRequestVersion, NtlmChallenge challenge, ExchangeFailure failure) {
}
