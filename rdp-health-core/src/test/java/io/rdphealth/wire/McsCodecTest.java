package io.rdphealth.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The MCS Connect-Initial encoder against the structure of MS-RDPBCGR 2.2.1.3, and the
 * Connect-Response decoder against responses recorded from a real xrdp 0.9.21 plus hostile edits
 * of them.
 */
class McsCodecTest {

    private static byte[] recorded(String name) throws IOException {
        try (InputStream in = McsCodecTest.class.getResourceAsStream(name)) {
            String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s+", "");
            return HexFormat.of().parseHex(hex);
        }
    }

    @Test
    void connectInitialHasConsistentTpktBerAndPerLengths() {
        byte[] pdu = McsCodec.connectInitial(EncryptionMethod.ALL_BITS, 0, "rdphealth");

        assertThat(Bytes.u16be(pdu, 2)).as("TPKT length").isEqualTo(pdu.length);
        assertThat(Arrays.copyOfRange(pdu, 4, 9)).containsExactly(0x02, 0xF0, 0x80, 0x7F, 0x65);
        // BER length of Connect-Initial, long form with two bytes: covers the rest of the PDU.
        assertThat(pdu[9] & 0xFF).isEqualTo(0x82);
        assertThat(Bytes.u16be(pdu, 10)).isEqualTo(pdu.length - 12);
        // callingDomainSelector, calledDomainSelector, upwardFlag TRUE.
        assertThat(Arrays.copyOfRange(pdu, 12, 21)).containsExactly(0x04, 0x01, 0x01, 0x04, 0x01, 0x01, 0x01, 0x01, 0xFF);
        int duca = indexOf(pdu, "Duca".getBytes(StandardCharsets.US_ASCII));
        assertThat(duca).isPositive();
        int userDataLength = ((pdu[duca + 4] & 0x3F) << 8) | (pdu[duca + 5] & 0xFF);
        assertThat(duca + 6 + userDataLength).as("client data blocks end with the PDU").isEqualTo(pdu.length);
    }

    @Test
    void connectInitialCarriesOfferedMethodsAndSelectedProtocol() {
        byte[] pdu = McsCodec.connectInitial(EncryptionMethod.BITS_56.bit(), 0, "a-very-long-client-name");
        int duca = indexOf(pdu, "Duca".getBytes(StandardCharsets.US_ASCII));
        int core = duca + 6;
        assertThat(Bytes.u16le(pdu, core)).isEqualTo(0xC001);
        assertThat(Bytes.u16le(pdu, core + 2)).isEqualTo(216);
        assertThat(Bytes.u32le(pdu, core + 212)).as("serverSelectedProtocol").isZero();
        // clientName: at most 15 characters and a terminating null inside 32 bytes.
        String name = new String(pdu, core + 24, 32, StandardCharsets.UTF_16LE);
        assertThat(name).startsWith("a-very-long-cli\0");
        int security = core + 216;
        assertThat(Bytes.u16le(pdu, security)).isEqualTo(0xC002);
        assertThat(Bytes.u32le(pdu, security + 4)).isEqualTo(0x08);
        int network = security + 12;
        assertThat(Bytes.u16le(pdu, network)).isEqualTo(0xC003);
        assertThat(network + 8).isEqualTo(pdu.length);
    }

    @Test
    void decodesXrdpLowLevelResponse() throws Exception {
        McsConnectResponse response = McsCodec.decodeConnectResponse(recorded("xrdp-0.9.21-crypt-low-mcs-connect-response.hex"));

        assertThat(response.successful()).isTrue();
        assertThat(response.serverVersion()).isEqualTo(0x00080004L);
        assertThat(response.clientRequestedProtocols()).isZero();
        assertThat(response.mcsChannelId()).isEqualTo(1003);
        assertThat(response.channelCount()).isZero();
        ServerSecurityData security = response.security();
        assertThat(security.method()).isEqualTo(EncryptionMethod.BITS_40);
        assertThat(security.level()).isEqualTo(EncryptionLevel.LOW);
        assertThat(security.serverRandomLength()).isEqualTo(32);
        assertThat(security.certificateKind()).isEqualTo(ServerSecurityData.CertificateKind.PROPRIETARY);
        assertThat(security.serverKeyBits()).isEqualTo(2048);
    }

    @Test
    void decodesXrdpFipsLevelResponse() throws Exception {
        McsConnectResponse response = McsCodec.decodeConnectResponse(recorded("xrdp-0.9.21-crypt-fips-mcs-connect-response.hex"));

        assertThat(response.security().method()).isEqualTo(EncryptionMethod.FIPS);
        assertThat(response.security().level()).isEqualTo(EncryptionLevel.FIPS);
    }

    /** A Connect-Response built around {@code gcc} user data, lengths computed. */
    private static byte[] response(int result, byte[] gcc) {
        byte[] domainParameters = HexFormat.of().parseHex("301a020122020103020100020101020100020101020300fff8020102");
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x0A, 0x01, (byte) result, 0x02, 0x01, 0x00});
        body.writeBytes(domainParameters);
        if (gcc != null) {
            body.writeBytes(Der.tlv(Der.OCTET_STRING, gcc));
        }
        byte[] mcs = body.toByteArray();
        java.io.ByteArrayOutputStream pdu = new java.io.ByteArrayOutputStream();
        int total = 7 + 2 + 2 + mcs.length;
        pdu.writeBytes(new byte[] {0x03, 0x00, (byte) (total >>> 8), (byte) total, 0x02, (byte) 0xF0, (byte) 0x80, 0x7F, 0x66,
            (byte) 0x81, (byte) mcs.length});
        pdu.writeBytes(mcs);
        return pdu.toByteArray();
    }

    /** The shape of the example in MS-RDPBCGR 4.1.4: encryption off, SC_SECURITY of 12 bytes. */
    @Test
    void decodesResponseWithoutEncryption() throws Exception {
        byte[] blocks = HexFormat.of().parseHex("010c0c000400080000000000" + "030c0800eb030000" + "020c0c000000000000000000");
        byte[] gcc = HexFormat.of().parseHex("000500147c00012a14760a01010001c0004d63446e" + String.format("%02x", blocks.length)
                + HexFormat.of().formatHex(blocks));
        McsConnectResponse response = McsCodec.decodeConnectResponse(response(0, gcc));

        assertThat(response.security().encryptionMethod()).isZero();
        assertThat(response.security().method()).isNull();
        assertThat(response.security().level()).isEqualTo(EncryptionLevel.NONE);
        assertThat(response.security().certificateKind()).isEqualTo(ServerSecurityData.CertificateKind.NONE);
        assertThat(response.security().serverKeyBits()).isNull();
        assertThat(response.mcsChannelId()).isEqualTo(1003);
    }

    @Test
    void unsuccessfulResultHasNoServerData() throws Exception {
        McsConnectResponse response = McsCodec.decodeConnectResponse(response(8, null));

        assertThat(response.successful()).isFalse();
        assertThat(McsConnectResponse.resultName(response.result())).isEqualTo("rt-parameters-unacceptable");
        assertThat(response.security()).isNull();
    }

    @Test
    void rejectsWrongGccKey() {
        byte[] gcc = HexFormat.of().parseHex("000500147c00012a14760a01010001c0004475636100");
        assertThatThrownBy(() -> McsCodec.decodeConnectResponse(response(0, gcc))).hasMessageContaining("is not 'McDn'");
    }

    @Test
    void rejectsSecurityBlockWhoseCertificateLengthOverruns() throws Exception {
        byte[] pdu = recorded("xrdp-0.9.21-crypt-low-mcs-connect-response.hex");
        int security = indexOf(pdu, new byte[] {0x02, 0x0C});
        // serverCertLen := 0x7FFFFFF0
        pdu[security + 16] = (byte) 0xF0;
        pdu[security + 17] = (byte) 0xFF;
        pdu[security + 18] = (byte) 0xFF;
        pdu[security + 19] = (byte) 0x7F;

        assertThatThrownBy(() -> McsCodec.decodeConnectResponse(pdu))
                .isInstanceOf(MalformedPduException.class).hasMessageContaining("certificate");
    }

    @Test
    void rejectsBlockLengthBeyondData() throws Exception {
        byte[] pdu = recorded("xrdp-0.9.21-crypt-low-mcs-connect-response.hex");
        int core = indexOf(pdu, new byte[] {0x01, 0x0C, 0x0C, 0x00});
        pdu[core + 2] = (byte) 0xFF;
        pdu[core + 3] = (byte) 0x7F;

        assertThatThrownBy(() -> McsCodec.decodeConnectResponse(pdu))
                .isInstanceOf(MalformedPduException.class).hasMessageContaining("0x0C01 claims");
    }

    @Test
    void rejectsEveryTruncationWithoutOtherExceptions() throws Exception {
        byte[] whole = recorded("xrdp-0.9.21-crypt-low-mcs-connect-response.hex");
        for (int cut = 0; cut < whole.length; cut++) {
            byte[] part = Arrays.copyOf(whole, cut);
            assertThatThrownBy(() -> McsCodec.decodeConnectResponse(part)).as("cut at %d", cut)
                    .isInstanceOf(MalformedPduException.class);
        }
    }

    @Test
    void everySingleByteCorruptionEndsInAResultOrMalformedPdu() throws Exception {
        byte[] whole = recorded("xrdp-0.9.21-crypt-low-mcs-connect-response.hex");
        for (int i = 0; i < whole.length; i++) {
            for (int value : new int[] {0x00, 0x7F, 0x80, 0xFF}) {
                byte[] bad = whole.clone();
                bad[i] = (byte) value;
                try {
                    McsCodec.decodeConnectResponse(bad);
                } catch (MalformedPduException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                }
            }
        }
    }

    @Test
    void namesDisconnectsAndForeignBytes() {
        assertThatThrownBy(() -> McsCodec.decodeConnectResponse(HexFormat.of().parseHex("0300000902f0802180")))
                .hasMessageContaining("Disconnect Provider Ultimatum");
        assertThatThrownBy(() -> McsCodec.decodeConnectResponse(HexFormat.of().parseHex("0300000b06800000000000")))
                .hasMessageContaining("Disconnect Request");
        assertThatThrownBy(() -> McsCodec.tpktLength("HTTP/1.1 400".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(MalformedPduException.class, e -> assertThat(e.kind()).isEqualTo(MalformedPduException.Kind.NOT_RDP));
        assertThatThrownBy(() -> McsCodec.tpktLength(new byte[] {3, 0, (byte) 0xFF, (byte) 0xFF}))
                .isInstanceOfSatisfying(MalformedPduException.class, e -> assertThat(e.kind()).isEqualTo(MalformedPduException.Kind.TOO_LARGE));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
