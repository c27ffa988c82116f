package io.rdphealth.wire;

/**
 * What an NTLMv2 AUTHENTICATE needs from a CHALLENGE (MS-NLMP 2.2.1.2, 3.1.5.1.2): the server's
 * 8-byte challenge, its flags, its TargetInfo AV pairs as sent (echoed into the NTLMv2 blob) and
 * its MsvAvTimestamp. Not evidence: the names for reports come from {@link NtlmChallenge}.
 *
 * @param negotiateFlags  the CHALLENGE's NegotiateFlags
 * @param serverChallenge 8 bytes
 * @param targetInfo      the TargetInfo bytes as sent (AV pairs up to and including MsvAvEOL)
 * @param timestamp       the MsvAvTimestamp FILETIME, or {@code null} when the server sent none
 */
public record NtlmServerChallenge(long negotiateFlags, byte[] serverChallenge, byte[] targetInfo, Long timestamp) {

    public NtlmServerChallenge {
        if (serverChallenge == null || serverChallenge.length != 8) {
            throw new IllegalArgumentException("a server challenge has 8 bytes");
        }
        serverChallenge = serverChallenge.clone();
        targetInfo = targetInfo == null ? new byte[0] : targetInfo.clone();
    }

    @Override
    public byte[] serverChallenge() {
        return serverChallenge.clone();
    }

    @Override
    public byte[] targetInfo() {
        return targetInfo.clone();
    }

    @Override
    public String toString() {
        return "NtlmServerChallenge[flags=0x" + Long.toHexString(negotiateFlags) + ", targetInfo=" + targetInfo.length
                + " bytes, timestamp=" + timestamp + "]";
    }
}
