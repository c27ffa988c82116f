package io.rdphealth.probe.net;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * One TCP connection to a probed address, opened within the deadline, with its connect time
 * measured (every connection is a latency sample) and its reads bounded.
 */
public final class PeerConnection implements AutoCloseable {
    private final Socket socket;
    private final DeadlineInputStream in;
    private final OutputStream out;
    private final long connectNanos;

    private PeerConnection(Socket socket, DeadlineInputStream in, long connectNanos) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = socket.getOutputStream();
        this.connectNanos = connectNanos;
    }

    /**
     * Connects within {@code min(connectTimeout, deadline)}.
     *
     * @throws IOException {@link java.net.ConnectException} when refused, {@link java.net.SocketTimeoutException} on timeout
     */
    public static PeerConnection open(InetAddress address, int port, Deadline deadline, Duration connectTimeout,
            Duration readTimeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            long start = System.nanoTime();
            socket.connect(new InetSocketAddress(address, port), deadline.cap(connectTimeout));
            long nanos = System.nanoTime() - start;
            return new PeerConnection(socket, new DeadlineInputStream(socket, deadline, readTimeout), nanos);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    public double connectMillis() {
        return connectNanos / 1e6;
    }

    /** The TCP handshake's duration. */
    public long connectNanos() {
        return connectNanos;
    }

    public DeadlineInputStream in() {
        return in;
    }

    public OutputStream out() {
        return out;
    }

    public void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Closes without waiting for the peer (xrdp waits for MCS data and never closes first). */
    @Override
    public void close() {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // Already closed by the peer; closing below is all that matters.
        }
        try {
            socket.close();
        } catch (IOException e) {
            // Nothing to release beyond the descriptor, which close() frees regardless.
        }
    }
}
