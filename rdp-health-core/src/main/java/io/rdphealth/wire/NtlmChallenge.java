package io.rdphealth.wire;

import java.time.Instant;

/**
 * What an NTLM CHALLENGE (MS-NLMP 2.2.1.2) tells about the server without credentials. Any field
 * the server left out is {@code null}.
 */
public record NtlmChallenge(
        String targetName,
        long negotiateFlags,
        String netbiosComputer,
        String netbiosDomain,
        String dnsComputer,
        String dnsDomain,
        String dnsTree,
        String osVersion,
        Instant serverTime) {
}
