package io.rdphealth.report.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.report.SampleReports;
import io.rdphealth.report.TargetResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void redrawsOneLineWithCountsAndErasesItWhenClosed() {
        StringWriter text = new StringWriter();
        try (ProgressLine line = new ProgressLine(new PrintWriter(text), 12, true)) {
            line.targetDone(SampleReports.healthy("a.example.test", AT, 100, 10));
            assertThat(text.toString()).isEqualTo("\r[ 1/12] all healthy so far  last: a.example.test");
            line.targetDone(SampleReports.refused("b.example.test", AT));
            line.targetDone(SampleReports.expiring("c.example.test", AT, 3, 10));
            String last = text.toString().substring(text.toString().lastIndexOf('\r') + 1);
            assertThat(last).isEqualTo("[ 3/12] 1 critical, 1 warning  last: c.example.test");
        }
        String all = text.toString();
        int width = "[ 3/12] 1 critical, 1 warning  last: c.example.test".length();
        assertThat(all).doesNotContain("\n").endsWith("c.example.test\r" + " ".repeat(width) + "\r");
    }

    @Test
    void aDisabledLinePrintsNothingButStillCounts() {
        StringWriter text = new StringWriter();
        try (ProgressLine line = new ProgressLine(new PrintWriter(text), 3, false)) {
            line.targetDone(SampleReports.healthy("a", AT, 100, 10));
            assertThat(line.done()).isEqualTo(1);
        }
        assertThat(text.toString()).isEmpty();
    }

    @Test
    void probesFinishingOnManyThreadsAreEachCountedOnce() throws Exception {
        StringWriter text = new StringWriter();
        ProgressLine line = new ProgressLine(new PrintWriter(text), 200, true);
        List<TargetResult> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            results.add(SampleReports.healthy("t" + i + ".example.test", AT, 100, 10));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            results.forEach(r -> pool.submit(() -> line.targetDone(r)));
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(line.done()).isEqualTo(200);
        assertThat(text.toString()).contains("[200/200]");
        line.close();
    }
}
