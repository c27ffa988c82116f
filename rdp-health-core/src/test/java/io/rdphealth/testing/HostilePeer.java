package io.rdphealth.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A misbehaving "RDP server" in the JVM, on 127.0.0.1 and a free port. This is a test double by
 * necessity: no real server can be made to send these byte sequences on demand. Each accepted
 * connection runs on its own daemon thread; {@link #close()} closes the listener and every
 * accepted socket. The X.224 confirms it sends are the raw bytes of MS-RDPBCGR 2.2.1.2 (see
 * {@link #confirmSelecting(int)}).
 */
public final class HostilePeer implements AutoCloseable {
    /** At most this many connections are served at once; more are closed on accept. */
    private static final int MAX_CONNECTIONS = 64;
    /** Reads from clients are bounded: we only need to see that something arrived. */
    private static final int READ_BUFFER = 4096;

    /** What the peer does with each connection. */
    public enum Behaviour {
        /** Accepts and reads, never answers (a blackholing middlebox or a hung service). */
        SILENT,
        /** After the request, 64 random bytes whose first byte is not a TPKT version (3); then silence. */
        GARBAGE,
        /** After the request, an HTTP 400 response (a web server on the port), then close. */
        HTTP_BANNER,
        /** On accept, an OpenSSH identification string (an SSH server on the port); closes after the request. */
        SSH_BANNER,
        /** After the request, the first 7 bytes of a valid confirm, then a normal close. */
        TRUNCATED_CONFIRM,
        /** A valid confirm selecting SSL; when the ClientHello arrives, an RST (SO_LINGER 0). 0x904 as seen by mstsc. */
        RESET_AFTER_CONFIRM,
        /** A valid 19-byte confirm selecting SSL, one byte per drip interval (default 1 s); then silence. */
        DRIP,
        /** A TPKT header announcing 65535 bytes, then silence. */
        HUGE_LENGTH,
        /** A valid confirm selecting SSL; after the ClientHello, plaintext instead of a ServerHello, then close. */
        CONFIRM_THEN_PLAINTEXT,
        /**
         * A valid confirm selecting SSL; after the ClientHello, a TLS 1.1 ServerHello whatever was
         * offered (a server that always claims 1.1), then silence until the client closes.
         */
        ALWAYS_TLS11_HELLO
    }

    /** What {@link Behaviour#HTTP_BANNER} sends. */
    public static final String HTTP_RESPONSE = "HTTP/1.1 400 Bad Request\r\nServer: nginx\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    /** What {@link Behaviour#SSH_BANNER} sends. */
    public static final String SSH_IDENTIFICATION = "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n";
    /** What {@link Behaviour#CONFIRM_THEN_PLAINTEXT} sends instead of a ServerHello. */
    public static final String PLAINTEXT_INSTEAD_OF_TLS = "ERROR: this is not TLS\r\n";

    private final Behaviour behaviour;
    private final Duration dripInterval;
    private final ServerSocket listener;
    private final Set<Socket> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    private HostilePeer(Behaviour behaviour, Duration dripInterval) throws IOException {
        this.behaviour = Objects.requireNonNull(behaviour);
        this.dripInterval = dripInterval;
        this.listener = new ServerSocket(0, 50, LoopbackPorts.LOOPBACK);
        this.acceptor = new Thread(this::acceptLoop, "hostile-peer-" + behaviour + "-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Starts a peer with {@code behaviour} (DRIP at one byte per second). */
    public static HostilePeer start(Behaviour behaviour) {
        return start(behaviour, Duration.ofSeconds(1));
    }

    /** Starts a peer; {@code dripInterval} is the pause between bytes for {@link Behaviour#DRIP}. */
    public static HostilePeer start(Behaviour behaviour, Duration dripInterval) {
        try {
            return new HostilePeer(behaviour, dripInterval);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    public Behaviour behaviour() {
        return behaviour;
    }

    /** How many connections were accepted so far. */
    public int connectionCount() {
        return connections.get();
    }

    /**
     * A 19-byte X.224 Connection Confirm with RDP_NEG_RSP selecting {@code selectedProtocol}
     * (flags 0x01 EXTENDED_CLIENT_DATA, like xrdp).
     */
    public static byte[] confirmSelecting(int selectedProtocol) {
        return new byte[] {0x03, 0x00, 0x00, 0x13, 0x0E, (byte) 0xD0, 0x00, 0x00, 0x12, 0x34, 0x00,
            0x02, 0x01, 0x08, 0x00,
            (byte) selectedProtocol, (byte) (selectedProtocol >>> 8), (byte) (selectedProtocol >>> 16),
            (byte) (selectedProtocol >>> 24)};
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket socket : List.copyOf(accepted)) {
            closeQuietly(socket);
        }
        acceptor.interrupt();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            connections.incrementAndGet();
            if (accepted.size() >= MAX_CONNECTIONS || closed) {
                closeQuietly(socket);
                continue;
            }
            accepted.add(socket);
            Thread handler = new Thread(() -> serve(socket), "hostile-peer-connection-" + socket.getPort());
            handler.setDaemon(true);
            handler.start();
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[READ_BUFFER];
            switch (behaviour) {
                case SILENT -> drain(in, buffer);
                case GARBAGE -> {
                    awaitBytes(in, buffer);
                    out.write(garbage());
                    out.flush();
                    drain(in, buffer);
                }
                case HTTP_BANNER -> {
                    awaitBytes(in, buffer);
                    out.write(HTTP_RESPONSE.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                case SSH_BANNER -> {
                    out.write(SSH_IDENTIFICATION.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    awaitBytes(in, buffer);
                }
                case TRUNCATED_CONFIRM -> {
                    awaitBytes(in, buffer);
                    out.write(confirmSelecting(1), 0, 7);
                    out.flush();
                }
                case RESET_AFTER_CONFIRM -> {
                    awaitBytes(in, buffer);
                    out.write(confirmSelecting(1));
                    out.flush();
                    if (awaitBytes(in, buffer)) {
                        socket.setSoLinger(true, 0); // close() now sends RST instead of FIN
                    }
                }
                case DRIP -> {
                    awaitBytes(in, buffer);
                    for (byte b : confirmSelecting(1)) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(dripInterval.toMillis());
                    }
                    drain(in, buffer);
                }
                case HUGE_LENGTH -> {
                    awaitBytes(in, buffer);
                    out.write(new byte[] {0x03, 0x00, (byte) 0xFF, (byte) 0xFF});
                    out.flush();
                    drain(in, buffer);
                }
                case CONFIRM_THEN_PLAINTEXT -> {
                    awaitBytes(in, buffer);
                    out.write(confirmSelecting(1));
                    out.flush();
                    if (awaitBytes(in, buffer)) {
                        out.write(PLAINTEXT_INSTEAD_OF_TLS.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                }
                case ALWAYS_TLS11_HELLO -> {
                    awaitBytes(in, buffer);
                    out.write(confirmSelecting(1));
                    out.flush();
                    int read = in.read(buffer);
                    if (read > 0) {
                        out.write(tls11ServerHello(firstOfferedSuite(buffer, read)));
                        out.flush();
                        drain(in, buffer);
                    }
                }
                default -> throw new IllegalStateException("unhandled " + behaviour);
            }
        } catch (IOException e) {
            // the client went away or close() closed the socket: nothing to report
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            accepted.remove(socket);
        }
    }

    /**
     * The first cipher suite of a ClientHello record (RFC 5246 7.4.1.2: header, version, random,
     * session id, then the suites), or TLS_RSA_WITH_AES_128_CBC_SHA when the bytes are too short.
     */
    static int firstOfferedSuite(byte[] hello, int length) {
        int sessionIdAt = 5 + 4 + 2 + 32;
        if (length <= sessionIdAt) {
            return 0x002F;
        }
        int suitesAt = sessionIdAt + 1 + (hello[sessionIdAt] & 0xFF) + 2;
        return length < suitesAt + 2 ? 0x002F : ((hello[suitesAt] & 0xFF) << 8) | (hello[suitesAt + 1] & 0xFF);
    }

    /**
     * A TLS record holding a ServerHello for TLS 1.1 (RFC 4346 7.4.1.3): version 3.2, a random of
     * zeros, no session, {@code cipherSuite}, no compression, no extensions.
     */
    static byte[] tls11ServerHello(int cipherSuite) {
        byte[] body = new byte[2 + 32 + 1 + 2 + 1];
        body[0] = 0x03;
        body[1] = 0x02;
        // body[34]: session id length 0; body[37]: compression method null
        body[35] = (byte) (cipherSuite >> 8);
        body[36] = (byte) cipherSuite;
        byte[] record = new byte[5 + 4 + body.length];
        record[0] = 0x16; // handshake
        record[1] = 0x03;
        record[2] = 0x02;
        record[3] = (byte) ((4 + body.length) >> 8);
        record[4] = (byte) (4 + body.length);
        record[5] = 0x02; // server_hello
        record[6] = 0x00;
        record[7] = (byte) (body.length >> 8);
        record[8] = (byte) body.length;
        System.arraycopy(body, 0, record, 9, body.length);
        return record;
    }

    /** Waits for the client's next bytes; false when it closed first. */
    private static boolean awaitBytes(InputStream in, byte[] buffer) throws IOException {
        return in.read(buffer) > 0;
    }

    /** Reads and discards until the client or {@link #close()} ends the connection. */
    private static void drain(InputStream in, byte[] buffer) throws IOException {
        try {
            while (in.read(buffer) >= 0) {
                // discard
            }
        } catch (SocketException e) {
            // closed under us
        }
    }

    private static byte[] garbage() {
        byte[] bytes = new byte[64];
        new Random().nextBytes(bytes);
        if ((bytes[0] & 0xFF) == 0x03 || (bytes[0] & 0xFF) == 0x16) { // neither TPKT nor a TLS record
            bytes[0] = 0x7F;
        }
        return bytes;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
