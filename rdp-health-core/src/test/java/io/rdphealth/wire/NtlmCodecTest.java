package io.rdphealth.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NtlmCodecTest {

    /** Builds a CHALLENGE the way MS-NLMP lays it out: fixed header, then target name, then AV pairs. */
    static byte[] challenge(String targetName, byte[] targetInfo, boolean withVersion) {
        int header = withVersion ? 56 : 48;
        byte[] name = targetName.getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer b = ByteBuffer.allocate(header + name.length + targetInfo.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("NTLMSSP\0".getBytes(StandardCharsets.US_ASCII));
        b.putInt(2);
        b.putShort((short) name.length).putShort((short) name.length).putInt(header);
        b.putInt((int) (NtlmCodec.NEGOTIATE_UNICODE | NtlmCodec.NEGOTIATE_TARGET_INFO | (withVersion ? NtlmCodec.NEGOTIATE_VERSION : 0)));
        b.put(new byte[8]); // server challenge
        b.put(new byte[8]); // reserved
        b.putShort((short) targetInfo.length).putShort((short) targetInfo.length).putInt(header + name.length);
        if (withVersion) {
            b.put((byte) 10).put((byte) 0).putShort((short) 20348).put(new byte[3]).put((byte) 15);
        }
        b.put(name).put(targetInfo);
        return b.array();
    }

    static byte[] avPairs(Object... idAndValue) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < idAndValue.length; i += 2) {
            int id = (Integer) idAndValue[i];
            byte[] value = idAndValue[i + 1] instanceof String s ? s.getBytes(StandardCharsets.UTF_16LE) : (byte[]) idAndValue[i + 1];
            out.write(id & 0xFF);
            out.write(id >>> 8);
            out.write(value.length & 0xFF);
            out.write(value.length >>> 8);
            out.writeBytes(value);
        }
        out.writeBytes(new byte[4]); // MsvAvEOL
        return out.toByteArray();
    }

    @Test
    void negotiateMessageAsksForTargetInformation() {
        byte[] negotiate = NtlmCodec.negotiate();
        assertThat(new String(negotiate, 0, 8, StandardCharsets.US_ASCII)).isEqualTo("NTLMSSP\0");
        assertThat(Bytes.u32le(negotiate, 8)).isEqualTo(1);
        assertThat(Bytes.u32le(negotiate, 12) & NtlmCodec.REQUEST_TARGET).isNotZero();
    }

    @Test
    void readsNamesVersionAndTimestamp() throws Exception {
        long filetime = 116_444_736_000_000_000L + 1_700_000_000L * 10_000_000L;
        byte[] time = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(filetime).array();
        byte[] message = challenge("CORP", avPairs(1, "RDS01", 2, "CORP", 3, "rds01.corp.example", 4, "corp.example",
                5, "example", 7, time), true);
        NtlmChallenge challenge = NtlmCodec.decodeChallenge(message);
        assertThat(challenge.targetName()).isEqualTo("CORP");
        assertThat(challenge.netbiosComputer()).isEqualTo("RDS01");
        assertThat(challenge.netbiosDomain()).isEqualTo("CORP");
        assertThat(challenge.dnsComputer()).isEqualTo("rds01.corp.example");
        assertThat(challenge.dnsDomain()).isEqualTo("corp.example");
        assertThat(challenge.dnsTree()).isEqualTo("example");
        assertThat(challenge.osVersion()).isEqualTo("10.0.20348");
        assertThat(challenge.serverTime()).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    }

    @Test
    void worksWithoutVersionField() throws Exception {
        NtlmChallenge challenge = NtlmCodec.decodeChallenge(challenge("", avPairs(1, "HOST"), false));
        assertThat(challenge.osVersion()).isNull();
        assertThat(challenge.netbiosComputer()).isEqualTo("HOST");
    }

    @Test
    void rejectsOffsetsAndLengthsOutsideTheMessage() {
        byte[] message = challenge("X", avPairs(1, "HOST"), true);
        message[44] = (byte) 0xF0; // TargetInfo offset far beyond the end
        assertThatThrownBy(() -> NtlmCodec.decodeChallenge(message)).isInstanceOf(MalformedPduException.class)
                .hasMessageContaining("outside");
        byte[] pair = challenge("X", avPairs(1, "HOST"), true);
        int pairLengthAt = 56 + 2 + 2; // after target name "X" (2 bytes) and the AV id
        pair[pairLengthAt] = (byte) 0xFF;
        assertThatThrownBy(() -> NtlmCodec.decodeChallenge(pair)).hasMessageContaining("AV pair");
    }

    @Test
    void rejectsWrongSignatureTypeAndShortMessages() {
        assertThatThrownBy(() -> NtlmCodec.decodeChallenge(new byte[10])).hasMessageContaining("at least 48");
        byte[] wrongType = challenge("X", avPairs(), true);
        wrongType[8] = 3;
        assertThatThrownBy(() -> NtlmCodec.decodeChallenge(wrongType)).hasMessageContaining("not CHALLENGE");
        byte[] wrongSignature = challenge("X", avPairs(), true);
        wrongSignature[0] = 'X';
        assertThatThrownBy(() -> NtlmCodec.decodeChallenge(wrongSignature)).hasMessageContaining("signature");
    }

    @Test
    void randomMutationsOnlyEverRaiseMalformedPdu() {
        byte[] valid = challenge("CORP", avPairs(1, "RDS01", 3, "rds01.corp.example"), true);
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] mutated = java.util.Arrays.copyOf(valid, random.nextInt(valid.length + 1));
            for (int k = 0; k < 3 && mutated.length > 0; k++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            try {
                NtlmCodec.decodeChallenge(mutated);
            } catch (MalformedPduException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
