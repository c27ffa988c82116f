package io.rdphealth.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/**
 * NTLMv2 against the MS-NLMP section 4.2.4 example (User "User", domain "Domain", password
 * "Password", server challenge 0123456789abcdef, client challenge aa..aa, time 0, AV pairs
 * NetBIOS domain "Domain" and NetBIOS computer "Server"). The expected bytes are the values
 * MS-NLMP 4.2.2.1.2 (NTOWFv1), 4.2.4.1.1 (NTOWFv2), 4.2.4.1.2 (session base key), 4.2.4.2.1
 * (LMv2), 4.2.4.2.2 (NTLMv2 response), 4.2.4.2.3 (encrypted session key), 4.2.4.3 (CHALLENGE)
 * and 4.2.4.4 (AUTHENTICATE) publish, as quoted byte for byte by two independent implementations'
 * test suites (gss-ntlmssp tests/ntlmssptest.c "Test Data as per para 4.2 of MS-NLMP", and a Python
 * smb2 test "the NTLMv2 ones from MS-NLMP 4.2.4"), which agree with each other.
 */
class NtlmV2Test {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SERVER_CHALLENGE = HEX.parseHex("0123456789abcdef");
    private static final byte[] CLIENT_CHALLENGE = HEX.parseHex("aaaaaaaaaaaaaaaa");
    /** MsvAvNbDomainName "Domain", MsvAvNbComputerName "Server", MsvAvEOL. */
    private static final byte[] TARGET_INFO = HEX.parseHex(
            "02000c0044006f006d00610069006e00" + "01000c00530065007200760065007200" + "00000000");
    /** MS-NLMP 4.2.4.3 CHALLENGE_MESSAGE (0x68 bytes). */
    private static final byte[] SPEC_CHALLENGE = HEX.parseHex(
            "4e544c4d53535000020000000c000c003800000033828ae20123456789abcdef"
            + "00000000000000002400240044000000060070170000000f5300650072007600"
            + "6500720002000c0044006f006d00610069006e0001000c005300650072007600"
            + "6500720000000000");
    /** MS-NLMP 4.2.4.4 AUTHENTICATE_MESSAGE (0xE8 bytes). */
    private static final byte[] SPEC_AUTHENTICATE = HEX.parseHex(
            "4e544c4d5353500003000000180018006c00000054005400840000000c000c00"
            + "480000000800080054000000100010005c00000010001000d8000000358288e2"
            + "0501280a0000000f44006f006d00610069006e00550073006500720043004f00"
            + "4d005000550054004500520086c35097ac9cec102554764a57cccc19aaaaaaaa"
            + "aaaaaaaa68cd0ab851e51c96aabc927bebef6a1c010100000000000000000000"
            + "00000000aaaaaaaaaaaaaaaa0000000002000c0044006f006d00610069006e00"
            + "01000c005300650072007600650072000000000000000000c5dad2544fc97990"
            + "94ce1ce90bc9d03e");

    private static byte[] hex(String text) {
        return HEX.parseHex(text);
    }

    @Test
    void ntHashAndNtowfV2AreTheSpecValues() {
        byte[] ntHash = NtlmV2.ntHash("Password".toCharArray());
        assertThat(ntHash).isEqualTo(hex("a4f49c406510bdcab6824ee7c30fd852"));
        assertThat(NtlmV2.ntowfV2(ntHash, "User", "Domain")).isEqualTo(hex("0c868a403bfd7a93a3001ef22ef02e3f"));
        // The user name is upper-cased, the domain is not.
        assertThat(NtlmV2.ntowfV2(ntHash, "user", "Domain")).isEqualTo(hex("0c868a403bfd7a93a3001ef22ef02e3f"));
        assertThat(NtlmV2.ntowfV2(ntHash, "User", "DOMAIN")).isNotEqualTo(hex("0c868a403bfd7a93a3001ef22ef02e3f"));
    }

    @Test
    void responsesAndSessionBaseKeyAreTheSpecValues() {
        byte[] key = hex("0c868a403bfd7a93a3001ef22ef02e3f");
        NtlmV2Response response = NtlmV2.respond(key, SERVER_CHALLENGE, CLIENT_CHALLENGE, 0L, TARGET_INFO, true);

        assertThat(response.ntProofStr()).isEqualTo(hex("68cd0ab851e51c96aabc927bebef6a1c"));
        assertThat(response.ntChallengeResponse()).hasSize(84)
                .isEqualTo(Arrays.copyOfRange(SPEC_AUTHENTICATE, 0x84, 0x84 + 84));
        assertThat(response.lmChallengeResponse()).isEqualTo(hex("86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa"));
        assertThat(response.sessionBaseKey()).isEqualTo(hex("8de40ccadbc14a82f15cb0ad0de95ca3"));
        assertThat(response.toString()).doesNotContain("68cd", "8de4");
    }

    @Test
    void specChallengeDecodesToItsNamesAndMaterial() throws Exception {
        assertThat(SPEC_CHALLENGE).hasSize(0x68);
        NtlmChallenge names = NtlmCodec.decodeChallenge(SPEC_CHALLENGE);
        assertThat(names.targetName()).isEqualTo("Server");
        assertThat(names.netbiosComputer()).isEqualTo("Server");
        assertThat(names.netbiosDomain()).isEqualTo("Domain");
        assertThat(names.osVersion()).isEqualTo("6.0.6000");

        NtlmServerChallenge material = NtlmCodec.serverChallenge(SPEC_CHALLENGE);
        assertThat(material.serverChallenge()).isEqualTo(SERVER_CHALLENGE);
        assertThat(material.targetInfo()).isEqualTo(TARGET_INFO);
        assertThat(material.timestamp()).isNull();
        assertThat(material.negotiateFlags()).isEqualTo(0xe28a8233L);
    }

    /** The whole 4.2.4.4 message, byte for byte, including the key-exchange field the probe never sends. */
    @Test
    void encoderReproducesTheSpecAuthenticateMessage() {
        byte[] key = hex("0c868a403bfd7a93a3001ef22ef02e3f");
        NtlmV2Response response = NtlmV2.respond(key, SERVER_CHALLENGE, CLIENT_CHALLENGE, 0L, TARGET_INFO, true);
        byte[] encryptedSessionKey = rc4(response.sessionBaseKey(), hex("55555555555555555555555555555555"));
        assertThat(encryptedSessionKey).isEqualTo(hex("c5dad2544fc9799094ce1ce90bc9d03e"));

        byte[] message = NtlmAuthenticate.encode(0xe2888235L, "Domain", "User", "COMPUTER", response.lmChallengeResponse(),
                response.ntChallengeResponse(), encryptedSessionKey, hex("0501280a0000000f"));

        assertThat(HEX.formatHex(message)).isEqualTo(HEX.formatHex(SPEC_AUTHENTICATE));
    }

    /** With an MsvAvTimestamp the blob carries the server's time and the LM response is zeros (3.1.5.1.2). */
    @Test
    void forPasswordUsesTheServerTimestampAndOmitsTheLmResponse() {
        long serverTime = NtlmAuthenticate.filetime(Instant.parse("2024-05-01T10:00:00Z"));
        byte[] timestamp = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(serverTime).array();
        byte[] targetInfo = NtlmV2.concat(Arrays.copyOf(TARGET_INFO, 32), NtlmV2.concat(hex("07000800"), NtlmV2.concat(timestamp, hex("00000000"))));
        NtlmServerChallenge challenge = new NtlmServerChallenge(0xe28a8233L, SERVER_CHALLENGE, targetInfo, serverTime);

        byte[] message = NtlmAuthenticate.forPassword(challenge, "Domain", "User", "Password".toCharArray(), CLIENT_CHALLENGE, "",
                Instant.parse("2030-01-01T00:00:00Z"));

        long flags = Bytes.u32le(message, 60);
        assertThat(flags & (NtlmCodec.NEGOTIATE_KEY_EXCH | 0x10 | 0x20)).as("no KEY_EXCH, SIGN, SEAL").isZero();
        assertThat(flags & NtlmCodec.NEGOTIATE_UNICODE).isNotZero();
        byte[] lm = field(message, 12);
        byte[] nt = field(message, 20);
        assertThat(lm).isEqualTo(new byte[24]);
        assertThat(Arrays.copyOfRange(nt, 24, 32)).as("blob timestamp").isEqualTo(timestamp);
        assertThat(Arrays.copyOfRange(nt, 44, 44 + targetInfo.length)).isEqualTo(targetInfo);
        assertThat(new String(field(message, 36), java.nio.charset.StandardCharsets.UTF_16LE)).isEqualTo("User");
        assertThat(new String(field(message, 28), java.nio.charset.StandardCharsets.UTF_16LE)).isEqualTo("Domain");
        // The server side of the math: NTProofStr = HMAC_MD5(NTOWFv2, server challenge + blob).
        byte[] key = hex("0c868a403bfd7a93a3001ef22ef02e3f");
        byte[] proof = NtlmV2.hmacMd5(key, NtlmV2.concat(SERVER_CHALLENGE, Arrays.copyOfRange(nt, 16, nt.length)));
        assertThat(Arrays.copyOf(nt, 16)).isEqualTo(proof);
    }

    @Test
    void withoutAServerTimestampTheClientTimeIsUsed() {
        NtlmServerChallenge challenge = new NtlmServerChallenge(0xe28a8233L, SERVER_CHALLENGE, TARGET_INFO, null);
        Instant now = Instant.parse("2025-02-03T04:05:06.7Z");
        byte[] message = NtlmAuthenticate.forPassword(challenge, "", "user@example.test", "pw".toCharArray(), CLIENT_CHALLENGE, null, now);
        byte[] nt = field(message, 20);
        assertThat(Bytes.u32le(nt, 24) | Bytes.u32le(nt, 28) << 32).isEqualTo(NtlmAuthenticate.filetime(now));
        assertThat(field(message, 12)).hasSize(24).isNotEqualTo(new byte[24]);
    }

    private static byte[] field(byte[] message, int at) {
        int length = Bytes.u16le(message, at);
        int offset = (int) Bytes.u32le(message, at + 4);
        return Arrays.copyOfRange(message, offset, offset + length);
    }

    private static byte[] rc4(byte[] key, byte[] data) {
        RC4Engine rc4 = new RC4Engine();
        rc4.init(true, new KeyParameter(key));
        byte[] out = new byte[data.length];
        rc4.processBytes(data, 0, data.length, out, 0);
        return out;
    }
}
