package io.rdphealth.bench.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** User + system CPU of a process so far, from {@code /proc/PID/stat} (Linux). */
final class ProcessCpu {
    /** USER_HZ: what proc(5) counts utime and stime in on Linux. */
    private static final double CLOCK_TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** Seconds of CPU, or NaN when the process is gone or /proc cannot be read. */
    static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is the state (field 3 of proc(5)); utime and stime are fields 14 and 15
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
