package io.rdphealth.probe.net;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How late the client's own threads run: a daemon thread sleeps one period again and again and
 * records how much longer each sleep took (the technique of jHiccup). A connect on a client starved
 * of CPU returns late by about that much, so connect-time jitter no larger than the lag seen in the
 * same window is the client's, not the network's (NETWORK_UNSTABLE must not blame the path for a
 * busy Jenkins agent). One monitor per run; it keeps the last {@link #CAPACITY} samples.
 */
public final class SchedulingLagMonitor implements AutoCloseable {
    /** Samples kept: 60 s at the default period. */
    static final int CAPACITY = 6000;
    public static final Duration DEFAULT_PERIOD = Duration.ofMillis(10);

    private final long[] at = new long[CAPACITY];
    private final long[] lag = new long[CAPACITY];
    private int next;
    private int size;
    private final long periodNanos;
    private final Thread sampler;

    private SchedulingLagMonitor(Duration period, boolean start) {
        this.periodNanos = period.toNanos();
        sampler = new Thread(() -> sample(periodNanos), "rdphealth-lag");
        sampler.setDaemon(true);
        if (start) {
            sampler.start();
        }
    }

    /** Starts sampling every {@code period}. */
    public static SchedulingLagMonitor start(Duration period) {
        return new SchedulingLagMonitor(period, true);
    }

    /** A monitor fed only through {@link #record} (tests). */
    static SchedulingLagMonitor manual() {
        return new SchedulingLagMonitor(DEFAULT_PERIOD, false);
    }

    private void sample(long periodNanos) {
        // Runs until close(): one sleep per period, so its own CPU is negligible.
        while (!Thread.currentThread().isInterrupted()) {
            long before = System.nanoTime();
            try {
                TimeUnit.NANOSECONDS.sleep(periodNanos);
            } catch (InterruptedException e) {
                return;
            }
            long after = System.nanoTime();
            record(after, Math.max(0, after - before - periodNanos));
        }
    }

    /** One observation: at {@code nanos} the sampler woke {@code lagNanos} late. */
    synchronized void record(long nanos, long lagNanos) {
        at[next] = nanos;
        lag[next] = lagNanos;
        next = (next + 1) % CAPACITY;
        size = Math.min(CAPACITY, size + 1);
    }

    /**
     * The largest lag of the sleeps that overlapped {@code fromNanos}..{@code toNanos} (a stall that
     * began inside the window is reported when the sampler wakes, possibly after it), in
     * milliseconds; null without such samples.
     */
    public synchronized Double maxLagMillis(long fromNanos, long toNanos) {
        long max = -1;
        for (int i = 0; i < size; i++) {
            long woke = at[i];
            long slept = woke - periodNanos - lag[i];
            if (woke - fromNanos >= 0 && toNanos - slept >= 0) {
                max = Math.max(max, lag[i]);
            }
        }
        return max < 0 ? null : max / 1e6;
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
