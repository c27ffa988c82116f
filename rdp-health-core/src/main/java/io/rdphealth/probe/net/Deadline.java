package io.rdphealth.probe.net;

import java.time.Duration;

/**
 * A point in time after which an operation must give up. Every socket operation of a probe takes
 * its timeout from {@link #cap(Duration)}, so no step outlives the target's deadline.
 */
public record Deadline(long endNanos) {

    public static Deadline after(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    public long remainingNanos() {
        return endNanos - System.nanoTime();
    }

    public boolean expired() {
        return remainingNanos() <= 0;
    }

    /** The shorter of {@code limit} and the time left, in milliseconds, at least 1 (0 would mean "forever" to a socket). */
    public int cap(Duration limit) {
        long remainingMillis = Math.max(1, remainingNanos() / 1_000_000);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.min(limit.toMillis(), remainingMillis)));
    }

    /** The earlier of this deadline and one {@code duration} from now. */
    public Deadline within(Duration duration) {
        return new Deadline(Math.min(endNanos, System.nanoTime() + duration.toNanos()));
    }
}
