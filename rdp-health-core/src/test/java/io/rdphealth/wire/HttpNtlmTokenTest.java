package io.rdphealth.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class HttpNtlmTokenTest {
    private static final byte[] CHALLENGE = NtlmCodecTest.challenge("GW", NtlmCodecTest.avPairs(1, "GW01", 2, "CONTOSO"), true);

    private static RdgHttpResponse head(String... wwwAuthenticate) throws MalformedPduException {
        StringBuilder text = new StringBuilder("HTTP/1.1 401 Unauthorized\r\n");
        for (String value : wwwAuthenticate) {
            text.append("WWW-Authenticate: ").append(value).append("\r\n");
        }
        byte[] bytes = text.append("Content-Length: 0\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        return RdgHttpCodec.parseHead(bytes, bytes.length);
    }

    @Test
    void readsTheNtlmTokenOfTheNamedScheme() throws Exception {
        String token = Base64.getEncoder().encodeToString(CHALLENGE);
        RdgHttpResponse response = head("Negotiate", "NTLM " + token);
        assertThat(HttpNtlmToken.fromChallenge(response, "ntlm")).isEqualTo(CHALLENGE);
        assertThat(NtlmCodec.decodeChallenge(HttpNtlmToken.fromChallenge(response, "NTLM")).netbiosComputer()).isEqualTo("GW01");
    }

    @Test
    void authorizationIsSchemeSpaceBase64() {
        assertThat(HttpNtlmToken.authorization("NTLM", NtlmCodec.negotiate()))
                .isEqualTo("NTLM " + Base64.getEncoder().encodeToString(NtlmCodec.negotiate()));
    }

    /** A Negotiate answer may wrap the NTLM message in an SPNEGO NegTokenResp. */
    @Test
    void unwrapsSpnegoNegTokenResp() throws Exception {
        byte[] wrapped = Der.tlv(Der.contextTag(1), Der.tlv(Der.SEQUENCE,
                Der.tlv(Der.contextTag(0), new byte[] {0x0A, 0x01, 0x01}),
                Der.tlv(Der.contextTag(1), new byte[] {0x06, 0x0A, 0x2B, 0x06, 0x01, 0x04, 0x01, (byte) 0x82, 0x37, 0x02, 0x02, 0x0A}),
                Der.tlv(Der.contextTag(2), Der.tlv(Der.OCTET_STRING, CHALLENGE))));
        RdgHttpResponse response = head("Negotiate " + Base64.getEncoder().encodeToString(wrapped));
        assertThat(HttpNtlmToken.fromChallenge(response, "Negotiate")).isEqualTo(CHALLENGE);
    }

    @Test
    void badTokensAreNamed() throws Exception {
        assertThatThrownBy(() -> HttpNtlmToken.fromChallenge(head("NTLM"), "NTLM"))
                .isInstanceOf(MalformedPduException.class).hasMessageContaining("no 'NTLM <token>'");
        assertThatThrownBy(() -> HttpNtlmToken.fromChallenge(head("NTLM !!!not*base64!!!"), "NTLM"))
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> HttpNtlmToken.fromChallenge(head("NTLM " + "A".repeat(HttpNtlmToken.MAX_TOKEN_CHARS + 4)), "NTLM"))
                .isInstanceOfSatisfying(MalformedPduException.class, e -> assertThat(e.kind()).isEqualTo(MalformedPduException.Kind.TOO_LARGE))
                .hasMessageContaining("more than the " + HttpNtlmToken.MAX_TOKEN_CHARS);
        assertThatThrownBy(() -> HttpNtlmToken.fromChallenge(head("NTLM " + Base64.getEncoder().encodeToString("hello".getBytes())), "NTLM"))
                .hasMessageContaining("not an NTLM message");
        assertThatThrownBy(() -> HttpNtlmToken.fromChallenge(head("Negotiate " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xA1, 0x7F})),
                "Negotiate")).isInstanceOf(MalformedPduException.class);
    }
}
