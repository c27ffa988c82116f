package io.rdphealth.history;

import io.rdphealth.report.RunReport;
import io.rdphealth.trend.TrendRun;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One readable run of a history folder.
 *
 * @param number   1-based position among the entries read, oldest first (the trend axis number)
 * @param instant  the run's start, as written in the file name
 * @param file     the entry's file
 * @param report   the run
 */
public record HistoryEntry(int number, Instant instant, Path file, RunReport report) {
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /** The entry as a trend point: numbered by position, labelled with its start {@code MM-dd HH:mm:ss} (UTC). */
    public TrendRun toTrendRun() {
        return new TrendRun(number, LABEL.format(instant), instant, report);
    }
}
