package io.rdphealth.report.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.report.RunReport;
import io.rdphealth.report.SampleReports;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final RunReport RUN = SampleReports.mixedRun(AT, 0);

    @Test
    void printsAnAlignedTableOfTargets() {
        List<String> lines = Arrays.asList(new ConsoleReport(false).render(RUN).split("\n"));

        assertThat(lines.get(0)).startsWith("TARGET").contains("STATE", "WORST FINDING", "CERT DAYS", "HANDSHAKE MS");
        assertThat(lines.subList(1, 5)).extracting(l -> l.indexOf("HEALTHY") + l.indexOf("WARNING") + l.indexOf("ERROR")
                + l.indexOf("CRITICAL") + 3).as("state column aligned").containsOnly(lines.get(0).indexOf("STATE"));
        assertThat(lines.get(2)).contains("rdp2.example.test:3390", "CERT_EXPIRING_SOON").endsWith("12          55.0");
        assertThat(lines.get(4)).contains("10.0.0.9:3389", "TCP_REFUSED").endsWith("-             -");
    }

    @Test
    void detailsShowTheRootCauseThenFixStepsThenEvidenceThenWhatItExplains() {
        String text = new ConsoleReport(false).render(RUN);

        int root = text.indexOf("root cause ERROR XRDP_KEY_UNREADABLE");
        int fix = text.indexOf("fix (rdphealth can apply it: xrdp-key-permissions):", root);
        int step = text.indexOf("1. chgrp xrdp /etc/xrdp/key.pem", fix);
        int evidence = text.indexOf("- key.pem mode 0600 owner root", step);
        int explains = text.indexOf("explains:", evidence);
        int symptom = text.indexOf("ERROR TLS_DOWNGRADED_TO_RDP", explains);
        assertThat(new int[] {root, fix, step, evidence, explains, symptom}).doesNotContain(-1).isSorted();
        assertThat(text.strip()).endsWith("CRITICAL: 4 targets (1 healthy, 1 warning, 1 error, 1 critical) in 1.2 s");
    }

    @Test
    void colourOnlyWhenAskedAndNeverFromTheServer() {
        assertThat(new ConsoleReport(false).render(RUN)).doesNotContain("\u001b");
        String coloured = new ConsoleReport(true).render(RUN);
        assertThat(coloured).contains("\u001b[1;31mCRITICAL\u001b[0m", "\u001b[32mHEALTHY\u001b[0m");

        String hostile = new ConsoleReport(false).render(SampleReports.hostileRun(AT));
        assertThat(hostile).doesNotContain("\u001b").contains("'&?[31m");
        assertThat(TerminalText.clean("a\u202Eb\u0007c\u009b")).isEqualTo("a?b?c?");
    }

    @Test
    void quietModeIsTheSummaryLineAlone() {
        assertThat(new ConsoleReport(false).summary(RUN)).isEqualTo("CRITICAL: 4 targets (1 healthy, 1 warning, 1 error, 1 critical) in 1.2 s")
                .doesNotContain("\n");
        assertThat(new ConsoleReport(false).summary(new RunReport(1, "t", AT, 10, List.of()))).isEqualTo("HEALTHY: 0 targets in 0.0 s");
    }
}
