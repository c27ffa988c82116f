package io.rdphealth.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 that forwards to a loopback port and delays every chunk by a fixed
 * one-way delay in each direction, so a round trip costs twice {@code oneWayDelay}: a latency
 * model for tests and benchmarks ({@code tc netem} is not available here). Byte order is kept per
 * direction; half-closes are forwarded after the delayed data.
 *
 * <p>Threads are bounded: one acceptor, two blocking readers per connection from a pool capped at
 * {@code 2 * maxConnections} (further connections are closed on accept), and a small shared
 * scheduler for the delayed writes.
 */
public final class DelayingProxy implements AutoCloseable {
    private static final int DEFAULT_MAX_CONNECTIONS = 32;
    private static final int CHUNK = 16 * 1024;

    private final int targetPort;
    private final Duration oneWayDelay;
    private final ServerSocket listener;
    private final ThreadPoolExecutor readers;
    private final ScheduledExecutorService writers;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    private DelayingProxy(int listenPort, int targetPort, Duration oneWayDelay, int maxConnections) throws IOException {
        this.targetPort = targetPort;
        this.oneWayDelay = Objects.requireNonNull(oneWayDelay);
        if (oneWayDelay.isNegative()) {
            throw new IllegalArgumentException("negative delay " + oneWayDelay);
        }
        if (listenPort == 3389) {
            throw new IllegalArgumentException("never port 3389");
        }
        this.listener = new ServerSocket(listenPort, 50, LoopbackPorts.LOOPBACK);
        this.readers = new ThreadPoolExecutor(0, 2 * maxConnections, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemonThreads("delaying-proxy-reader"));
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2, daemonThreads("delaying-proxy-writer"));
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.writers = scheduler;
        this.acceptor = new Thread(this::acceptLoop, "delaying-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** A proxy to 127.0.0.1:{@code targetPort} adding {@code oneWayDelay} per direction. */
    public static DelayingProxy start(int targetPort, Duration oneWayDelay) {
        return start(targetPort, oneWayDelay, DEFAULT_MAX_CONNECTIONS);
    }

    /** As {@link #start(int, Duration)} with at most {@code maxConnections} concurrent connections. */
    public static DelayingProxy start(int targetPort, Duration oneWayDelay, int maxConnections) {
        try {
            return new DelayingProxy(0, targetPort, oneWayDelay, maxConnections);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
        }
    }

    /**
     * As {@link #start(int, Duration, int)} listening on the given 127.0.0.1 port (not 3389): the
     * fleet benchmark needs contiguous port ranges for nmap and its nftables rules.
     */
    public static DelayingProxy startOn(int listenPort, int targetPort, Duration oneWayDelay, int maxConnections) {
        try {
            return new DelayingProxy(listenPort, targetPort, oneWayDelay, maxConnections);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + listenPort, e);
        }
    }

    /** The port clients connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    public int targetPort() {
        return targetPort;
    }

    public Duration oneWayDelay() {
        return oneWayDelay;
    }

    /** Connections accepted so far. */
    public int connectionCount() {
        return connections.get();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        List.copyOf(sockets).forEach(DelayingProxy::closeQuietly);
        readers.shutdownNow();
        writers.shutdownNow();
        acceptor.interrupt();
        try {
            readers.awaitTermination(2, TimeUnit.SECONDS);
            writers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            Socket server = new Socket();
            try {
                server.connect(new InetSocketAddress(LoopbackPorts.LOOPBACK, targetPort), 5_000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(server);
                AtomicInteger halfCloses = new AtomicInteger();
                readers.execute(() -> pump(new Direction(client, server, halfCloses)));
                readers.execute(() -> pump(new Direction(server, client, halfCloses)));
            } catch (IOException | RejectedExecutionException e) {
                closePair(client, server);
            }
        }
    }

    /** Reads from {@code from} and schedules each chunk for writing to {@code to} after the delay. */
    private void pump(Direction direction) {
        Socket from = direction.from;
        Socket to = direction.to;
        byte[] buffer = new byte[CHUNK];
        try {
            InputStream in = from.getInputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (read > 0) {
                    direction.schedule(java.util.Arrays.copyOf(buffer, read));
                }
            }
            direction.schedule(null); // EOF: half-close after the data
        } catch (IOException | RejectedExecutionException e) {
            closePair(from, to);
        }
    }

    /** One direction of a connection: its chunks are written in arrival order. */
    private final class Direction {
        private final Socket from;
        private final Socket to;
        /** Shared by both directions of a connection: at 2 both sides are done and the sockets close. */
        private final AtomicInteger halfCloses;
        private final ConcurrentLinkedQueue<byte[]> pending = new ConcurrentLinkedQueue<>();
        private static final byte[] EOF = new byte[0];

        Direction(Socket from, Socket to, AtomicInteger halfCloses) {
            this.from = from;
            this.to = to;
            this.halfCloses = halfCloses;
        }

        void schedule(byte[] chunk) {
            pending.add(chunk == null ? EOF : chunk);
            writers.schedule(this::writeHead, oneWayDelay.toNanos(), TimeUnit.NANOSECONDS);
        }

        /**
         * Writes the oldest pending chunk. Each task writes the head rather than "its" chunk, so two
         * scheduler threads cannot reorder a direction; the head is always due when a task runs.
         */
        private synchronized void writeHead() {
            byte[] chunk = pending.poll();
            if (chunk == null) {
                return;
            }
            try {
                if (chunk == EOF) {
                    if (halfCloses.incrementAndGet() >= 2) {
                        closePair(from, to);
                    } else if (!to.isClosed()) {
                        to.shutdownOutput();
                    }
                    return;
                }
                OutputStream out = to.getOutputStream();
                out.write(chunk);
                out.flush();
            } catch (IOException e) {
                closePair(from, to);
            }
        }
    }

    private void closePair(Socket a, Socket b) {
        closeQuietly(a);
        closeQuietly(b);
        sockets.remove(a);
        sockets.remove(b);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
