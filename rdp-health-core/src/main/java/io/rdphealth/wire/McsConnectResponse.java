package io.rdphealth.wire;

/**
 * What a server answered to the MCS Connect-Initial (MS-RDPBCGR 2.2.1.4): the T.125 result and
 * the server data blocks of the GCC Conference Create Response.
 *
 * @param result                   T.125 Result (0 rt-successful); the data blocks are absent otherwise
 * @param serverVersion            SC_CORE version (0x00080001 RDP 4, 0x00080004 RDP 5+, ...), or {@code null}
 * @param clientRequestedProtocols SC_CORE clientRequestedProtocols echoed back, or {@code null} when absent
 * @param security                 SC_SECURITY, or {@code null} when the block is absent
 * @param mcsChannelId             SC_NET I/O channel id, or {@code null} when the block is absent
 * @param channelCount             SC_NET number of static virtual channels, or {@code null}
 */
public record McsConnectResponse(
        int result,
        Long serverVersion,
        Long clientRequestedProtocols,
        ServerSecurityData security,
        Integer mcsChannelId,
        Integer channelCount) {

    public static final int RT_SUCCESSFUL = 0;

    public boolean successful() {
        return result == RT_SUCCESSFUL;
    }

    /** T.125 Result names, for evidence lines. */
    public static String resultName(int result) {
        String[] names = {"rt-successful", "rt-domain-merging", "rt-domain-not-hierarchical", "rt-no-such-channel",
            "rt-no-such-domain", "rt-no-such-user", "rt-not-admitted", "rt-other-user-id", "rt-parameters-unacceptable",
            "rt-token-not-available", "rt-token-not-possessed", "rt-too-many-channels", "rt-too-many-tokens",
            "rt-too-many-users", "rt-unspecified-failure", "rt-user-rejected"};
        return result >= 0 && result < names.length ? names[result] : "result " + result;
    }
}
