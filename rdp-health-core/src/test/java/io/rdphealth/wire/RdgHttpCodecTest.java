package io.rdphealth.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The RD Gateway HTTP request encoder and the bounded response-head parser. */
class RdgHttpCodecTest {
    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void outChannelRequestCarriesMethodPathAndConnectionId() {
        String request = new String(RdgHttpCodec.outChannelRequest("gw.example.com", "{0F1E2D3C-0000-4000-8000-000000000001}", null, null),
                StandardCharsets.ISO_8859_1);

        assertThat(request).startsWith("RDG_OUT_DATA /remoteDesktopGateway/ HTTP/1.1\r\n")
                .contains("\r\nHost: gw.example.com\r\n")
                .contains("\r\nRDG-Connection-Id: {0F1E2D3C-0000-4000-8000-000000000001}\r\n")
                .contains("\r\nConnection: Keep-Alive\r\n")
                .doesNotContain("Upgrade").doesNotContain("Authorization")
                .endsWith("\r\n\r\n");
    }

    @Test
    void websocketVariantAsksForUpgrade() {
        String request = new String(RdgHttpCodec.outChannelRequest("gw:8443", "{A}", "Bearer abc", "dGhlIHNhbXBsZSBub25jZQ=="),
                StandardCharsets.ISO_8859_1);

        assertThat(request).contains("\r\nUpgrade: websocket\r\n", "\r\nConnection: Upgrade\r\n",
                "\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n", "\r\nSec-WebSocket-Version: 13\r\n",
                "\r\nAuthorization: Bearer abc\r\n");
    }

    @Test
    void refusesHeaderInjection() {
        assertThatThrownBy(() -> RdgHttpCodec.outChannelRequest("gw\r\nX: y", "{A}", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
        assertThatThrownBy(() -> RdgHttpCodec.outChannelRequest("gw", "{A}", "Bearer a\nb", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("authorization");
    }

    @Test
    void parsesGateway401WithSeveralSchemes() throws Exception {
        byte[] head = ascii("HTTP/1.1 401 Access Denied\r\nServer: Microsoft-HTTPAPI/2.0\r\n"
                + "WWW-Authenticate: Negotiate\r\nWWW-Authenticate: NTLM\r\nWWW-Authenticate: Basic realm=\"gw.example.com\"\r\n"
                + "Content-Length: 0\r\n\r\nBODY");
        RdgHttpResponse response = RdgHttpCodec.parseHead(head, head.length);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.reason()).isEqualTo("Access Denied");
        assertThat(response.authSchemes()).containsExactly("Negotiate", "NTLM", "Basic");
        assertThat(response.challenges().get(2).parameters()).isEqualTo("realm=\"gw.example.com\"");
        assertThat(response.header("server")).contains("Microsoft-HTTPAPI/2.0");
        assertThat(response.headBytes()).isEqualTo(head.length - 4);
        assertThat(response.offers("ntlm")).isTrue();
    }

    @Test
    void splitsCommaSeparatedChallengesWithParameters() {
        assertThat(RdgHttpCodec.challenges("Basic realm=\"a, b\", charset=\"UTF-8\", NTLM TlRMTVNTUAACAAAA==, Negotiate"))
                .containsExactly(new RdgHttpResponse.AuthChallenge("Basic", "realm=\"a, b\", charset=\"UTF-8\""),
                        new RdgHttpResponse.AuthChallenge("NTLM", "TlRMTVNTUAACAAAA=="),
                        new RdgHttpResponse.AuthChallenge("Negotiate", ""));
    }

    @Test
    void findsEndOfHeadOnlyAfterBlankLine() throws Exception {
        byte[] partial = ascii("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n");
        assertThat(RdgHttpCodec.endOfHead(partial, partial.length)).isEqualTo(-1);
        byte[] whole = ascii("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
        assertThat(RdgHttpCodec.endOfHead(whole, whole.length)).isEqualTo(whole.length);
    }

    @Test
    void capsHeadSizeAndHeaderCount() {
        byte[] endless = new byte[RdgHttpCodec.MAX_HEAD_BYTES];
        Arrays.fill(endless, (byte) 'a');
        assertThatThrownBy(() -> RdgHttpCodec.endOfHead(endless, endless.length))
                .isInstanceOfSatisfying(MalformedPduException.class, e -> assertThat(e.kind()).isEqualTo(MalformedPduException.Kind.TOO_LARGE));

        StringBuilder many = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (int i = 0; i <= RdgHttpCodec.MAX_HEADERS; i++) {
            many.append("X-").append(i).append(": v\r\n");
        }
        byte[] head = ascii(many.append("\r\n").toString());
        assertThatThrownBy(() -> RdgHttpCodec.parseHead(head, head.length)).hasMessageContaining("more than 64 headers");
    }

    @Test
    void namesNonHttpAndBrokenHeads() {
        byte[] ssh = ascii("SSH-2.0-OpenSSH_9.2\r\n\r\n");
        assertThatThrownBy(() -> RdgHttpCodec.parseHead(ssh, ssh.length))
                .isInstanceOfSatisfying(MalformedPduException.class, e -> assertThat(e.kind()).isEqualTo(MalformedPduException.Kind.NOT_RDP));
        byte[] status = ascii("HTTP/1.1 abc Nope\r\n\r\n");
        assertThatThrownBy(() -> RdgHttpCodec.parseHead(status, status.length)).hasMessageContaining("bad HTTP status line");
        byte[] header = ascii("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n");
        assertThatThrownBy(() -> RdgHttpCodec.parseHead(header, header.length)).hasMessageContaining("no valid name");
        byte[] truncated = ascii("HTTP/1.1 200 OK\r\n");
        assertThatThrownBy(() -> RdgHttpCodec.parseHead(truncated, truncated.length))
                .isInstanceOfSatisfying(MalformedPduException.class, e -> assertThat(e.kind()).isEqualTo(MalformedPduException.Kind.TRUNCATED));
    }

    @Test
    void basicAuthorizationEncodesUtf8() {
        assertThat(RdgHttpCodec.basicAuthorization("Aladdin", "open sesame".toCharArray())).isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    }
}
