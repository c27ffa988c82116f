package io.rdphealth.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TsRequestCodecTest {
    @Test
    void roundTripsTheNegotiateToken() throws Exception {
        byte[] token = NtlmCodec.negotiate();
        TsRequestCodec.TsRequest decoded = TsRequestCodec.decode(TsRequestCodec.encodeNegotiate(token));
        assertThat(decoded.version()).isEqualTo(TsRequestCodec.CLIENT_VERSION);
        assertThat(decoded.negoToken()).isEqualTo(token);
        assertThat(decoded.errorCode()).isNull();
    }

    @Test
    void readsAnErrorCodeWithoutToken() throws Exception {
        byte[] request = Der.tlv(Der.SEQUENCE, Der.tlv(Der.contextTag(0), Der.integer(6)),
                Der.tlv(Der.contextTag(4), Der.tlv(Der.INTEGER, new byte[] {(byte) 0xC0, 0x00, 0x00, 0x22})));
        TsRequestCodec.TsRequest decoded = TsRequestCodec.decode(request);
        assertThat(decoded.negoToken()).isNull();
        assertThat(decoded.errorCode()).isEqualTo(0xC0000022L);
    }

    @Test
    void largeTokensUseLongFormLengths() throws Exception {
        byte[] token = new byte[70_000];
        byte[] encoded = TsRequestCodec.encodeNegotiate(token);
        assertThat(TsRequestCodec.decode(encoded).negoToken()).hasSize(70_000);
    }

    @Test
    void rejectsMalformedRequests() {
        assertThatThrownBy(() -> TsRequestCodec.decode(new byte[] {0x16, 3, 1})).hasMessageContaining("not a DER SEQUENCE");
        assertThatThrownBy(() -> TsRequestCodec.decode(new byte[] {0x30, 0x05, (byte) 0xA0, 0x03, 0x02, 0x01}))
                .hasMessageContaining("claims");
        byte[] noVersion = Der.tlv(Der.SEQUENCE, Der.tlv(Der.contextTag(1), Der.tlv(Der.SEQUENCE)));
        assertThatThrownBy(() -> TsRequestCodec.decode(noVersion)).hasMessageContaining("without version");
        byte[] badVersion = Der.tlv(Der.SEQUENCE, Der.tlv(Der.contextTag(0), Der.integer(99)));
        assertThatThrownBy(() -> TsRequestCodec.decode(badVersion)).hasMessageContaining("outside 2..6");
        assertThatThrownBy(() -> TsRequestCodec.decode(new byte[] {0x30, (byte) 0x85, 1, 1, 1, 1, 1}))
                .hasMessageContaining("length form");
    }

    @Test
    void totalLengthRefusesAnnouncedSizesOverTheCap() throws Exception {
        byte[] header = {0x30, (byte) 0x84, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertThat(Der.totalLength(header, 1, 1024)).isEqualTo(-1);
        assertThatThrownBy(() -> Der.totalLength(header, 6, 1024))
                .isInstanceOfSatisfying(MalformedPduException.class,
                        e -> assertThat(e.kind()).isEqualTo(MalformedPduException.Kind.TOO_LARGE));
        assertThat(Der.totalLength(new byte[] {0x30, 0x03}, 2, 1024)).isEqualTo(5);
    }

    @Test
    void randomInputOnlyEverRaisesMalformedPdu() {
        java.util.Random random = new java.util.Random(3);
        byte[] valid = TsRequestCodec.encodeNegotiate(NtlmCodec.negotiate());
        for (int i = 0; i < 20_000; i++) {
            byte[] mutated = java.util.Arrays.copyOf(valid, random.nextInt(valid.length + 1));
            for (int k = 0; k < 2 && mutated.length > 0; k++) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            try {
                TsRequestCodec.decode(mutated);
            } catch (MalformedPduException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }
}
