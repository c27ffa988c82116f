package io.rdphealth.probe.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which recorded stalls count for a window (pure), and that the sampling thread records while it runs. */
class SchedulingLagMonitorTest {
    private static final long MS = 1_000_000L;

    @Test
    void stallsOverlappingTheWindowCountEvenWhenReportedAfterIt() {
        SchedulingLagMonitor monitor = SchedulingLagMonitor.manual();
        monitor.record(100 * MS, 1 * MS);          // slept 89..100: before the window
        monitor.record(1_000 * MS, 400 * MS);      // slept 590..1000: overlaps 500..900, reported after it
        monitor.record(1_020 * MS, 2 * MS);        // slept 1008..1020: after the window

        assertThat(monitor.maxLagMillis(500 * MS, 900 * MS)).isCloseTo(400.0, within(0.001));
        assertThat(monitor.maxLagMillis(1_005 * MS, 1_030 * MS)).isCloseTo(2.0, within(0.001));
        assertThat(monitor.maxLagMillis(2_000 * MS, 3_000 * MS)).as("no sample in the window").isNull();
    }

    @Test
    void keepsOnlyTheLastSamples() {
        SchedulingLagMonitor monitor = SchedulingLagMonitor.manual();
        monitor.record(10 * MS, 900 * MS);
        for (int i = 1; i <= SchedulingLagMonitor.CAPACITY; i++) {
            monitor.record((1_000 + i * 10L) * MS, 1 * MS);
        }
        assertThat(monitor.maxLagMillis(0, Long.MAX_VALUE / 2)).as("the 900 ms stall was overwritten").isCloseTo(1.0, within(0.001));
    }

    @Test
    void theSamplerRecordsWhileItRunsAndStopsOnClose() throws Exception {
        SchedulingLagMonitor monitor = SchedulingLagMonitor.start(Duration.ofMillis(5));
        long from = System.nanoTime();
        Thread.sleep(200);
        Double lag = monitor.maxLagMillis(from, System.nanoTime());
        assertThat(lag).as("samples were taken in the window").isNotNull().isGreaterThanOrEqualTo(0.0);
        monitor.close();
        Thread.sleep(100);
        long afterClose = System.nanoTime();
        Thread.sleep(200);
        assertThat(monitor.maxLagMillis(afterClose, System.nanoTime())).as("no samples after close").isNull();
    }
}
