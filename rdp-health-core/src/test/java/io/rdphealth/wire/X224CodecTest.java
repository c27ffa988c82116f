package io.rdphealth.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class X224CodecTest {
    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    @Test
    void encodesTheSmallestUsefulRequestOfRdpFacts() {
        assertThat(X224Codec.connectionRequest(0x03, null))
                .isEqualTo(hex("03 00 00 13 0E E0 00 00 00 00 00 01 00 08 00 03 00 00 00"));
    }

    @Test
    void encodesTheCookieBeforeTheNegotiationRequest() {
        byte[] pdu = X224Codec.connectionRequest(0x01, "probe");
        String cookie = "Cookie: mstshash=probe\r\n";
        assertThat(pdu.length).isEqualTo(19 + cookie.length());
        assertThat(Bytes.u16be(pdu, 2)).isEqualTo(pdu.length);
        assertThat(pdu[4] & 0xFF).isEqualTo(pdu.length - 5);
        assertThat(new String(pdu, 11, cookie.length(), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(cookie);
    }

    @Test
    void decodesAResponseWithFlagsAndProtocol() throws Exception {
        X224Confirm confirm = X224Codec.decodeConfirm(hex("03 00 00 13 0E D0 00 00 12 34 00 02 1F 08 00 02 00 00 00"));
        assertThat(confirm).isEqualTo(new X224Confirm.NegotiationResponse(0x1F, 2));
        assertThat(((X224Confirm.NegotiationResponse) confirm).protocol()).isEqualTo(SecurityProtocol.HYBRID);
    }

    @ParameterizedTest
    @CsvSource({"1,SSL_REQUIRED_BY_SERVER", "2,SSL_NOT_ALLOWED_BY_SERVER", "3,SSL_CERT_NOT_ON_SERVER",
        "4,INCONSISTENT_FLAGS", "5,HYBRID_REQUIRED_BY_SERVER", "6,SSL_WITH_USER_AUTH_REQUIRED_BY_SERVER"})
    void decodesAllSixFailureCodes(int code, NegotiationFailureCode expected) throws Exception {
        byte[] pdu = hex("03 00 00 13 0E D0 00 00 12 34 00 03 00 08 00 00 00 00 00");
        pdu[15] = (byte) code;
        X224Confirm confirm = X224Codec.decodeConfirm(pdu);
        assertThat(((X224Confirm.NegotiationFailure) confirm).failure()).isEqualTo(expected);
    }

    @Test
    void keepsAnUndefinedFailureCodeInsteadOfGuessing() throws Exception {
        X224Confirm confirm = X224Codec.decodeConfirm(hex("03 00 00 13 0E D0 00 00 12 34 00 03 00 08 00 09 00 00 00"));
        assertThat(((X224Confirm.NegotiationFailure) confirm).failure()).isNull();
        assertThat(((X224Confirm.NegotiationFailure) confirm).failureCode()).isEqualTo(9);
    }

    @Test
    void decodesTheLegacyElevenByteConfirm() throws Exception {
        assertThat(X224Codec.decodeConfirm(hex("03 00 00 0B 06 D0 00 00 12 34 00"))).isInstanceOf(X224Confirm.LegacyConfirm.class);
    }

    @Test
    void namesAnSshBannerAsNotRdp() {
        assertThatThrownBy(() -> X224Codec.tpktLength("SSH-2.0-OpenSSH_9.2".getBytes()))
                .isInstanceOfSatisfying(MalformedPduException.class, e -> {
                    assertThat(e.kind()).isEqualTo(MalformedPduException.Kind.NOT_RDP);
                    assertThat(e.getMessage()).contains("SSH banner");
                });
    }

    @Test
    void refusesAHugeTpktLengthBeforeReadingIt() {
        assertThatThrownBy(() -> X224Codec.tpktLength(hex("03 00 FF FF")))
                .isInstanceOfSatisfying(MalformedPduException.class,
                        e -> assertThat(e.kind()).isEqualTo(MalformedPduException.Kind.TOO_LARGE));
    }

    @Test
    void refusesTruncatedAndInconsistentConfirms() {
        assertThatThrownBy(() -> X224Codec.decodeConfirm(hex("03 00 00 13 0E D0 00")))
                .isInstanceOfSatisfying(MalformedPduException.class,
                        e -> assertThat(e.kind()).isEqualTo(MalformedPduException.Kind.TRUNCATED));
        assertThatThrownBy(() -> X224Codec.decodeConfirm(hex("03 00 00 13 0D D0 00 00 12 34 00 02 00 08 00 01 00 00 00")))
                .hasMessageContaining("length indicator");
        assertThatThrownBy(() -> X224Codec.decodeConfirm(hex("03 00 00 13 0E E0 00 00 12 34 00 02 00 08 00 01 00 00 00")))
                .hasMessageContaining("not a Connection Confirm");
        assertThatThrownBy(() -> X224Codec.decodeConfirm(hex("03 00 00 13 0E D0 00 00 12 34 00 07 00 08 00 01 00 00 00")))
                .hasMessageContaining("neither RDP_NEG_RSP nor RDP_NEG_FAILURE");
        assertThatThrownBy(() -> X224Codec.decodeConfirm(hex("03 00 00 13 0E D0 00 00 12 34 00 02 00 09 00 01 00 00 00")))
                .hasMessageContaining("length 9");
        assertThatThrownBy(() -> X224Codec.decodeConfirm(hex("03 00 00 0F 0A D0 00 00 12 34 00 02 00 08 00")))
                .hasMessageContaining("partial negotiation");
    }

    @Test
    void neverThrowsAnythingButMalformedPduOnRandomInput() {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);
            if (bytes.length > 1 && random.nextBoolean()) {
                bytes[0] = 3;
                bytes[1] = 0;
            }
            try {
                X224Codec.decodeConfirm(bytes);
            } catch (MalformedPduException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
