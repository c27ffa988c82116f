package io.rdphealth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Free loopback ports and readiness polling. Never 3389, never a non-loopback address. */
public final class LoopbackPorts {
    /** 127.0.0.1: every fixture server binds here. */
    public static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private LoopbackPorts() {
    }

    /**
     * A port that was free on 127.0.0.1 a moment ago (the OS's ephemeral choice). Another process
     * may take it before the caller binds: servers retry on a bind failure.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
                int port = socket.getLocalPort();
                if (port != 3389) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free loopback port", e);
            }
        }
        throw new IllegalStateException("no free loopback port other than 3389");
    }

    /** Whether a TCP connect to 127.0.0.1:{@code port} succeeds within {@code timeout}. */
    public static boolean accepts(int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Polls a TCP connect to 127.0.0.1:{@code port} every 20 ms until it succeeds, {@code stillStarting}
     * turns false (the server died) or {@code deadline} passes; the two failures throw with
     * {@code diagnostics} in the message.
     */
    public static void awaitListening(int port, Duration deadline, BooleanSupplier stillStarting,
            Supplier<String> diagnostics) {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            if (accepts(port, Duration.ofMillis(200))) {
                return;
            }
            if (!stillStarting.getAsBoolean()) {
                throw new ServerStartException("server exited before listening on 127.0.0.1:" + port
                        + "\n" + diagnostics.get());
            }
            if (System.nanoTime() > end) {
                throw new ServerStartException("server not listening on 127.0.0.1:" + port + " after "
                        + deadline.toMillis() + " ms\n" + diagnostics.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServerStartException("interrupted while waiting for 127.0.0.1:" + port);
            }
        }
    }

    /** Polls {@code condition} every 20 ms until true or the deadline; returns the last value. */
    public static boolean await(BooleanSupplier condition, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return condition.getAsBoolean();
            }
        }
        return true;
    }
}
