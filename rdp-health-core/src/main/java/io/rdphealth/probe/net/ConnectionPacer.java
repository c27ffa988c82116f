package io.rdphealth.probe.net;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Decides when the next connection of a probe to one listening socket may start, so that the
 * listener's accept queue does not overflow. xrdp listens with a backlog of 2: the kernel queues
 * at most three connections the server has not accepted yet and drops the SYN (or the final ACK)
 * of a fourth, which then waits for a kernel retry a second later.
 *
 * <p>{@link #BURST} connections start at once. A further one starts
 * <ul>
 *   <li><b>near</b> (the first TCP handshake took less than {@link #DEFAULT_INTERVAL}: loopback,
 *       a LAN): when an earlier one has been answered, which proves the server accepted it. Waiting
 *       costs next to nothing at that distance, and the server's TLS work for the first connections
 *       competes with its accept loop, so spacing by time alone overflowed the queue in tests;</li>
 *   <li><b>far</b> (no handshake completed within the interval): one interval after the previous
 *       start. The server then sees the handshakes arrive one interval apart, as they were sent,
 *       and only has to accept one per interval; waiting for answers instead would cost two round
 *       trips per three connections (9 round trips for an xrdp's 10 connections instead of 3).</li>
 * </ul>
 * Listeners with a normal backlog (Windows) notice neither.
 *
 * <p>One pacer per address and probe run; thread-safe.
 */
public final class ConnectionPacer {
    /** Connections that may start at once: xrdp's accept queue (backlog 2 + 1). */
    public static final int BURST = 3;
    /** The spacing of connections when the server is far, and the distance that makes it far. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(2);

    private final int burst;
    private final long intervalNanos;
    private final long farNanos;
    private final long createdNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Started and not answered yet. */
    private int unanswered;
    /** Null until known. */
    private Boolean far;
    /** When the last paced connection (far mode) was allowed to start. */
    private long lastPacedNanos;
    private boolean paced;

    public ConnectionPacer() {
        this(BURST, DEFAULT_INTERVAL, DEFAULT_INTERVAL);
    }

    /**
     * A pacer that treats every server as near (waits for answers, never paces past the accept
     * queue): for a run of many targets at once, which is bound by CPU rather than round trips,
     * and where the servers may be as busy as the client.
     */
    public static ConnectionPacer nearOnly() {
        ConnectionPacer pacer = new ConnectionPacer();
        pacer.far = false;
        return pacer;
    }

    /**
     * @param interval the spacing of connections to a far server
     * @param far      a first handshake at least this long (or none completed within it) makes the server far
     */
    public ConnectionPacer(int burst, Duration interval, Duration far) {
        this(burst, interval, far, System.nanoTime());
    }

    ConnectionPacer(int burst, Duration interval, Duration far, long nowNanos) {
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, was " + burst);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        if (far.isNegative() || far.isZero()) {
            throw new IllegalArgumentException("far threshold must be positive, was " + far);
        }
        this.burst = burst;
        this.intervalNanos = interval.toNanos();
        this.farNanos = far.toNanos();
        this.createdNanos = nowNanos;
    }

    /** One connection's turn: report when its TCP handshake completed and when it was answered. */
    public final class Turn implements AutoCloseable {
        private boolean closed;

        private Turn() {
        }

        /** The TCP handshake of this connection took {@code connectNanos}: the first one tells near from far. */
        public void connected(long connectNanos) {
            lock.lock();
            try {
                if (far == null) {
                    far = connectNanos >= farNanos;
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }

        /** The server answered (or the connection ended): it no longer occupies the accept queue. */
        @Override
        public void close() {
            lock.lock();
            try {
                if (!closed) {
                    closed = true;
                    unanswered--;
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Waits for a connection's turn.
     *
     * @return the turn, or null when the deadline passed first or the thread was interrupted
     */
    public Turn awaitTurn(Deadline deadline) {
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                Decision decision = decide(now);
                if (decision.go()) {
                    long start = decision.at();
                    if (start - deadline.endNanos() > 0) {
                        return null;
                    }
                    unanswered++;
                    lock.unlock();
                    try {
                        if (!sleepUntil(start)) {
                            new Turn().close();
                            return null;
                        }
                    } finally {
                        lock.lock();
                    }
                    return new Turn();
                }
                long wake = Math.min(deadline.endNanos(), decision.at());
                if (deadline.expired()) {
                    return null;
                }
                try {
                    changed.awaitNanos(Math.max(1, wake - now));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * What a connection asked for at {@code now} gets: {@code go} = start at {@code at} (now or a
     * paced time later); otherwise wait for a change and look again at {@code at} at the latest.
     */
    record Decision(boolean go, long at) {
    }

    /** Also moves to far when no handshake completed within one interval. A start is not counted here. */
    Decision decide(long now) {
        lock.lock();
        try {
            if (unanswered < burst) {
                return new Decision(true, now);
            }
            if (far == null && now - createdNanos >= farNanos) {
                far = true;
            }
            if (Boolean.TRUE.equals(far)) {
                long start = paced && lastPacedNanos + intervalNanos - now > 0 ? lastPacedNanos + intervalNanos : now;
                paced = true;
                lastPacedNanos = start;
                return new Decision(true, start);
            }
            // Near, or not known yet: wait for an answer, or for the interval that tells far.
            return new Decision(false, far == null ? createdNanos + farNanos : Long.MAX_VALUE);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the server is far: known when the first handshake completes, or one interval after
     * this pacer was made (far, then). Waits that long at most.
     */
    public boolean awaitDistance() {
        lock.lock();
        try {
            while (far == null) {
                long left = createdNanos + farNanos - System.nanoTime();
                if (left <= 0) {
                    far = true;
                    break;
                }
                try {
                    changed.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return far;
        } finally {
            lock.unlock();
        }
    }

    /** Test hook: count a start, as a granted turn does. */
    void started() {
        lock.lock();
        try {
            unanswered++;
        } finally {
            lock.unlock();
        }
    }

    private static boolean sleepUntil(long nanos) {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
