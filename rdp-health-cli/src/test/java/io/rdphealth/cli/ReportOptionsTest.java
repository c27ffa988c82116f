package io.rdphealth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdphealth.report.ReportJson;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.SampleReports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class ReportOptionsTest {
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    /** A command that only carries the mixin, as {@code check} will. */
    @Command(name = "check")
    static final class Host {
        @Mixin
        ReportOptions reports;
    }

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private static ReportOptions parse(String... args) {
        Host host = new Host();
        new CommandLine(host).parseArgs(args);
        return host.reports;
    }

    private static RunReport run(int i) {
        return SampleReports.mixedRun(AT.plus(Duration.ofHours(i)), i);
    }

    @Test
    void writesJsonJUnitXmlAndHtmlIntoTheReportDirectory() throws Exception {
        Path reports = dir.resolve("out/reports");
        ReportOptions options = parse("--report-dir", reports.toString());

        options.write(run(0), new PrintWriter(err));

        assertThat(new ReportJson().read(Files.readString(reports.resolve("report.json")))).isEqualTo(run(0));
        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(reports.resolve("TEST-rdphealth.xml").toFile()).getElementsByTagName("testsuite").getLength()).isEqualTo(4);
        assertThat(Files.readString(reports.resolve("report.html"))).contains("id=\"no-trends\"");
        try (Stream<Path> files = Files.list(reports)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("report.json", "TEST-rdphealth.xml", "report.html");
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void historyFeedsTheTrendChartsAndIsBounded() throws Exception {
        Path history = dir.resolve("history");
        for (int i = 0; i < 4; i++) {
            parse("--report-dir", dir.resolve("r").toString(), "--history", history.toString(), "--history-limit", "3")
                    .write(run(i), new PrintWriter(err));
        }

        try (Stream<Path> files = Files.list(history)) {
            assertThat(files).hasSize(3);
        }
        String html = Files.readString(dir.resolve("r/report.html"));
        assertThat(html).contains("3 runs in the history.", "data-trend-chart=\"certificate-days\"");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aBrokenHistoryWarnsButNeverStopsTheReports() throws Exception {
        Path history = Files.createDirectories(dir.resolve("history"));
        Files.writeString(history.resolve("run-20261120T090000.000Z-1.json"), "{ broken");
        parse("--report-dir", dir.resolve("r").toString(), "--history", history.toString()).write(run(0), new PrintWriter(err));
        assertThat(err.toString()).contains("rdphealth: warning: history entry", "run-20261120T090000.000Z-1.json");
        assertThat(Files.readString(dir.resolve("r/report.html"))).contains("1 run in the history.");

        StringWriter err2 = new StringWriter();
        Path blocked = Files.writeString(dir.resolve("not-a-folder"), "x");
        parse("--report-dir", dir.resolve("r2").toString(), "--history", blocked.toString()).write(run(1), new PrintWriter(err2));
        assertThat(err2.toString()).contains("rdphealth: warning: cannot append the run to the history " + blocked);
        assertThat(Files.readString(dir.resolve("r2/report.html"))).as("this run still charted")
                .contains("1 run in the history.");
    }

    @Test
    void anUnwritableReportDirectoryIsAClearError() throws Exception {
        Path blocked = Files.writeString(dir.resolve("file"), "x");
        ReportOptions options = parse("--report-dir", blocked.toString());

        assertThatThrownBy(() -> options.write(run(0), new PrintWriter(err)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot write the report " + blocked.resolve("report.json"));
    }

    @Test
    void junitFailureThresholdDecidesWhichFindingsFail() throws Exception {
        int atWarning = failures(dir.resolve("w"));
        int atError = failures(dir.resolve("e"), "--junit-fail-at", "error");
        int atInfo = failures(dir.resolve("i"), "--junit-fail-at", "INFO");
        // The sample run has WARNING-only checks: raising the threshold turns their failures into output.
        assertThat(atError).isLessThan(atWarning);
        assertThat(atInfo).isGreaterThanOrEqualTo(atWarning);
        assertThat(Files.readString(dir.resolve("e").resolve("TEST-rdphealth.xml"))).contains("<system-out>");
        assertThatThrownBy(() -> parse("--junit-fail-at", "fatal")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("--junit-fail-at: unknown severity 'fatal' (expected one of INFO, WARNING, ERROR, CRITICAL)");
    }

    private int failures(Path reports, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--report-dir", reports.toString()));
        args.addAll(List.of(extra));
        parse(args.toArray(String[]::new)).write(run(0), new PrintWriter(err));
        org.w3c.dom.NodeList suites = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(reports.resolve("TEST-rdphealth.xml").toFile()).getElementsByTagName("testsuites");
        return Integer.parseInt(((org.w3c.dom.Element) suites.item(0)).getAttribute("failures"));
    }

    @Test
    void rejectsAHistoryLimitBelowOne() {
        assertThatThrownBy(() -> parse("--history-limit", "0"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessage("--history-limit must be at least 1, was 0");
        assertThat(parse().historyLimit()).isEqualTo(50);
    }

    @Test
    void quietPrintsTheSummaryLineAndColourNeedsATerminalWithoutOptOuts() {
        StringWriter out = new StringWriter();
        parse("--quiet").print(run(0), new PrintWriter(out));
        assertThat(out.toString()).isEqualTo("CRITICAL: 4 targets (1 healthy, 1 warning, 1 error, 1 critical) in 1.2 s"
                + System.lineSeparator());

        StringWriter full = new StringWriter();
        parse().print(run(0), new PrintWriter(full));
        assertThat(full.toString()).contains("TARGET", "root cause ERROR XRDP_KEY_UNREADABLE").doesNotContain("\u001b");

        assertThat(parse().color(true, null)).isTrue();
        assertThat(parse().color(false, null)).isFalse();
        assertThat(parse("--no-color").color(true, null)).isFalse();
        assertThat(parse().color(true, "1")).isFalse();
    }

    @Test
    void noProgressLineForFewTargetsOrInQuietModeOrOffATerminal() {
        StringWriter out = new StringWriter();
        // Tests run without a console, so every line here is the silent one.
        parse().progress(40, new PrintWriter(out)).targetDone(run(0).targets().get(0));
        parse("-q").progress(40, new PrintWriter(out)).targetDone(run(0).targets().get(0));
        assertThat(out.toString()).isEmpty();
    }
}
