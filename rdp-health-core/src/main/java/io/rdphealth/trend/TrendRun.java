package io.rdphealth.trend;

import edu.hm.hafner.echarts.Build;
import edu.hm.hafner.echarts.BuildResult;
import io.rdphealth.report.RunReport;
import java.time.Instant;
import java.util.Objects;

/**
 * One point on the trend axis: a run's report with the build (or history entry) it belongs to.
 * The Jenkins plugin passes its build number, display name and start time; the CLI passes the
 * history sequence number, a short label and the run's start.
 *
 * @param number unique, increasing number of the run (build number, history sequence)
 * @param label  what the chart's axis shows for it ({@code #12}, {@code 11-20 10:00})
 * @param time   when the run happened (used when the chart groups by day)
 * @param report the run's report
 */
public record TrendRun(int number, String label, Instant time, RunReport report) {
    public TrendRun {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(report, "report");
    }

    /** A run labelled {@code #number}, timed by its report's start. */
    public static TrendRun of(int number, RunReport report) {
        return new TrendRun(number, "#" + number, report.startedAt(), report);
    }

    BuildResult<RunReport> toBuildResult() {
        long seconds = Math.max(0, Math.min(Integer.MAX_VALUE, time.getEpochSecond()));
        return new BuildResult<>(new Build(number, label, (int) seconds), report);
    }
}
