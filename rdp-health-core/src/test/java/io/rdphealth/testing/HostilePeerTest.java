package io.rdphealth.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdphealth.testing.HostilePeer.Behaviour;
import io.rdphealth.wire.MalformedPduException;
import io.rdphealth.wire.X224Codec;
import io.rdphealth.wire.X224Confirm.NegotiationResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each hostile behaviour sends exactly the bytes it promises, decoded with the production codec. */
class HostilePeerTest {
    private static final byte[] REQUEST = X224Codec.connectionRequest(0x03, null);
    /** Enough bytes to look like the start of a TLS ClientHello record. */
    private static final byte[] CLIENT_HELLO_START = {0x16, 0x03, 0x01, 0x00, 0x05, 0x01, 0x00, 0x00, 0x01, 0x00};

    @Test
    void silentPeerNeverAnswers() throws Exception {
        try (HostilePeer peer = HostilePeer.start(Behaviour.SILENT); Socket socket = connect(peer, 300)) {
            socket.getOutputStream().write(REQUEST);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            assertThat(peer.connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void garbageIsNeitherTpktNorTls() throws Exception {
        try (HostilePeer peer = HostilePeer.start(Behaviour.GARBAGE); Socket socket = connect(peer, 2000)) {
            socket.getOutputStream().write(REQUEST);
            byte[] header = socket.getInputStream().readNBytes(4);
            assertThat(header).hasSize(4);
            assertThat(header[0]).isNotIn((byte) 0x03, (byte) 0x16);
            assertThatThrownBy(() -> X224Codec.tpktLength(header)).isInstanceOf(MalformedPduException.class)
                    .extracting(e -> ((MalformedPduException) e).kind()).isEqualTo(MalformedPduException.Kind.NOT_RDP);
        }
    }

    @Test
    void httpAndSshBannersAreRecognisedAsSuch() throws Exception {
        try (HostilePeer http = HostilePeer.start(Behaviour.HTTP_BANNER); Socket socket = connect(http, 2000)) {
            socket.getOutputStream().write(REQUEST);
            byte[] answer = readUntilClosed(socket.getInputStream());
            assertThat(new String(answer, StandardCharsets.US_ASCII)).isEqualTo(HostilePeer.HTTP_RESPONSE);
            assertThat(X224Codec.describe(answer, answer.length)).startsWith("an HTTP response");
        }
        try (HostilePeer ssh = HostilePeer.start(Behaviour.SSH_BANNER); Socket socket = connect(ssh, 2000)) {
            // An SSH server speaks first, before any request.
            byte[] banner = socket.getInputStream().readNBytes(HostilePeer.SSH_IDENTIFICATION.length());
            assertThat(X224Codec.describe(banner, banner.length)).startsWith("an SSH banner 'SSH-2.0-OpenSSH");
        }
    }

    @Test
    void truncatedConfirmEndsAfterSevenBytes() throws Exception {
        try (HostilePeer peer = HostilePeer.start(Behaviour.TRUNCATED_CONFIRM); Socket socket = connect(peer, 2000)) {
            socket.getOutputStream().write(REQUEST);
            byte[] answer = readUntilClosed(socket.getInputStream());
            assertThat(answer).hasSize(7);
            assertThatThrownBy(() -> X224Codec.decodeConfirm(answer)).isInstanceOf(MalformedPduException.class)
                    .extracting(e -> ((MalformedPduException) e).kind()).isEqualTo(MalformedPduException.Kind.TRUNCATED);
        }
    }

    @Test
    void resetAfterConfirmSendsRstWhenTheClientHelloArrives() throws Exception {
        try (HostilePeer peer = HostilePeer.start(Behaviour.RESET_AFTER_CONFIRM); Socket socket = connect(peer, 2000)) {
            socket.getOutputStream().write(REQUEST);
            assertThat(X224Codec.decodeConfirm(socket.getInputStream().readNBytes(19))).isEqualTo(new NegotiationResponse(1, 1));
            socket.getOutputStream().write(CLIENT_HELLO_START);
            assertThatThrownBy(() -> readUntilClosed(socket.getInputStream()))
                    .isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }
    }

    @Test
    void dripSendsAValidConfirmOneByteAtATime() throws Exception {
        try (HostilePeer peer = HostilePeer.start(Behaviour.DRIP, Duration.ofMillis(20)); Socket socket = connect(peer, 2000)) {
            socket.getOutputStream().write(REQUEST);
            InputStream in = socket.getInputStream();
            long start = System.nanoTime();
            byte[] confirm = in.readNBytes(19);
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(X224Codec.decodeConfirm(confirm)).isEqualTo(new NegotiationResponse(1, 1));
            assertThat(elapsedMillis).as("18 pauses of 20 ms").isGreaterThanOrEqualTo(18 * 20);
        }
    }

    @Test
    void hugeLengthAnnouncesMoreThanTheCap() throws Exception {
        try (HostilePeer peer = HostilePeer.start(Behaviour.HUGE_LENGTH); Socket socket = connect(peer, 500)) {
            socket.getOutputStream().write(REQUEST);
            byte[] header = socket.getInputStream().readNBytes(4);
            assertThatThrownBy(() -> X224Codec.tpktLength(header))
                    .extracting(e -> ((MalformedPduException) e).kind()).isEqualTo(MalformedPduException.Kind.TOO_LARGE);
            assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void confirmThenPlaintextInsteadOfServerHello() throws Exception {
        try (HostilePeer peer = HostilePeer.start(Behaviour.CONFIRM_THEN_PLAINTEXT)) {
            RawX224Client.TlsAttempt attempt = RawX224Client.negotiateThenTls(peer.port(), 0x01, Duration.ofSeconds(3));
            assertThat(attempt.confirm()).isEqualTo(new NegotiationResponse(1, 1));
            assertThat(attempt.handshakeCompleted()).isFalse();
        }
        try (HostilePeer peer = HostilePeer.start(Behaviour.CONFIRM_THEN_PLAINTEXT); Socket socket = connect(peer, 2000)) {
            socket.getOutputStream().write(REQUEST);
            socket.getInputStream().readNBytes(19);
            socket.getOutputStream().write(CLIENT_HELLO_START);
            assertThat(new String(readUntilClosed(socket.getInputStream()), StandardCharsets.US_ASCII))
                    .isEqualTo(HostilePeer.PLAINTEXT_INSTEAD_OF_TLS);
        }
    }

    @Test
    void closeClosesAcceptedConnectionsAndTheListener() throws Exception {
        HostilePeer peer = HostilePeer.start(Behaviour.SILENT);
        int port = peer.port();
        try (Socket socket = connect(peer, 2000)) {
            socket.getOutputStream().write(REQUEST);
            assertThat(LoopbackPorts.await(() -> peer.connectionCount() == 1, Duration.ofSeconds(2))).isTrue();
            peer.close();
            assertThat(socket.getInputStream().read()).as("end of stream after close()").isEqualTo(-1);
        }
        // The JDK may finish closing a listener only when its blocked accept() thread wakes up:
        // promptly, not necessarily before close() returns.
        assertThat(LoopbackPorts.await(() -> !LoopbackPorts.accepts(port, Duration.ofMillis(100)), Duration.ofSeconds(2)))
                .as("listener on " + port + " gone within 2 s of close()").isTrue();
    }

    private static Socket connect(HostilePeer peer, int readTimeoutMillis) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(LoopbackPorts.LOOPBACK, peer.port()), 2000);
        socket.setSoTimeout(readTimeoutMillis);
        return socket;
    }

    private static byte[] readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[256];
        int read;
        while ((read = in.read(buffer)) >= 0 && all.size() < 4096) {
            all.write(buffer, 0, read);
        }
        return all.toByteArray();
    }
}
