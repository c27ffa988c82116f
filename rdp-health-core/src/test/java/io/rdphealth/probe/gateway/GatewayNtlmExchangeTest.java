package io.rdphealth.probe.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdphealth.wire.MalformedPduException;
import io.rdphealth.wire.RdgHttpCodec;
import io.rdphealth.wire.RdgHttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Whether the CHALLENGE's 401 leaves the connection usable for the AUTHENTICATE, and how much body to drop. */
class GatewayNtlmExchangeTest {

    private static RdgHttpResponse head(String headers) throws MalformedPduException {
        byte[] bytes = ("HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: NTLM TlRMTVNTUAACAAAA\r\n" + headers + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        return RdgHttpCodec.parseHead(bytes, bytes.length);
    }

    @Test
    void contentLengthMinusWhatWasAlreadyReadIsDropped() throws Exception {
        assertThat(GatewayNtlmExchange.bodyToDrop(head("Content-Length: 341\r\n"), 0)).isEqualTo(341);
        assertThat(GatewayNtlmExchange.bodyToDrop(head("Content-Length: 341\r\n"), 100)).isEqualTo(241);
        assertThat(GatewayNtlmExchange.bodyToDrop(head("Content-Length: 0\r\n"), 0)).isZero();
    }

    @Test
    void unusableConnectionsAreNamed() {
        assertThatThrownBy(() -> GatewayNtlmExchange.bodyToDrop(head("Connection: close\r\nContent-Length: 0\r\n"), 0))
                .hasMessageContaining("Connection: close");
        assertThatThrownBy(() -> GatewayNtlmExchange.bodyToDrop(head("Transfer-Encoding: chunked\r\n"), 0))
                .hasMessageContaining("Transfer-Encoding");
        assertThatThrownBy(() -> GatewayNtlmExchange.bodyToDrop(head(""), 0)).hasMessageContaining("no usable Content-Length");
        assertThatThrownBy(() -> GatewayNtlmExchange.bodyToDrop(head("Content-Length: -5\r\n"), 0)).hasMessageContaining("'-5'");
        assertThatThrownBy(() -> GatewayNtlmExchange.bodyToDrop(head("Content-Length: 999999999\r\n"), 0))
                .hasMessageContaining("more than the " + GatewayNtlmExchange.MAX_BODY_BYTES);
        assertThatThrownBy(() -> GatewayNtlmExchange.bodyToDrop(head("Content-Length: 10\r\n"), 11))
                .hasMessageContaining("sent 11 bytes after a 401 head announcing 10");
    }
}
