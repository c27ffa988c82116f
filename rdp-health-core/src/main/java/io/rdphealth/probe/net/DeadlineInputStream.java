package io.rdphealth.probe.net;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;

/**
 * The socket's input with every read bounded by the read timeout and the overall deadline. A
 * peer that drips bytes keeps each read short but still hits the deadline. Counts the bytes the
 * peer sent, so a failure can tell "silent" from "stopped half way".
 */
public final class DeadlineInputStream extends InputStream {
    private final Socket socket;
    private final InputStream in;
    private final Deadline deadline;
    private final Duration readTimeout;
    private long received;

    public DeadlineInputStream(Socket socket, Deadline deadline, Duration readTimeout) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.deadline = deadline;
        this.readTimeout = readTimeout;
    }

    private void arm() throws IOException {
        if (deadline.expired()) {
            throw new DeadlineExceededException("deadline passed after " + received + " bytes from the peer");
        }
        socket.setSoTimeout(deadline.cap(readTimeout));
    }

    @Override
    public int read() throws IOException {
        arm();
        int b = in.read();
        if (b >= 0) {
            received++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        arm();
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            received += n;
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    /** Bytes the peer has sent so far on this connection. */
    public long received() {
        return received;
    }

    /**
     * Reads exactly {@code length} bytes, or throws: {@link java.io.EOFException} when the peer
     * closes first, a timeout when it is too slow.
     */
    public byte[] readExactly(int length) throws IOException {
        byte[] buffer = new byte[length];
        int filled = 0;
        while (filled < length) {
            int n = read(buffer, filled, length - filled);
            if (n < 0) {
                throw new PeerClosedException(filled, length);
            }
            filled += n;
        }
        return buffer;
    }

    /** Whatever the peer sends within {@code wait} (at most {@code max} bytes); for showing banners. */
    public byte[] readAvailable(int max, Duration wait) {
        byte[] buffer = new byte[max];
        int filled = 0;
        Deadline shortly = deadline.within(wait);
        try {
            while (filled < max && !shortly.expired()) {
                socket.setSoTimeout(shortly.cap(wait));
                int n = in.read(buffer, filled, max - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
                received += n;
            }
        } catch (IOException e) {
            // A timeout or reset ends the sample; what arrived is all we show.
        }
        return java.util.Arrays.copyOf(buffer, filled);
    }
}
