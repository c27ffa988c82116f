package io.rdphealth.cli;

import io.rdphealth.finding.Severity;
import io.rdphealth.history.RunHistory;
import io.rdphealth.report.ReportJson;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.console.ConsoleReport;
import io.rdphealth.report.console.ProgressLine;
import io.rdphealth.report.html.HtmlReport;
import io.rdphealth.report.junit.JUnitXmlReport;
import io.rdphealth.trend.TrendRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The report options of {@code rdphealth check}, as a picocli mixin: where the run's reports and
 * history go, and how the console shows it. The command probes, then calls {@link #progress},
 * {@link #print} and {@link #write}.
 */
public final class ReportOptions {
    /** File names inside {@code --report-dir}; the JUnit name matches the usual {@code TEST-*.xml} glob. */
    public static final String JSON_FILE = "report.json";
    public static final String JUNIT_FILE = "TEST-rdphealth.xml";
    public static final String HTML_FILE = "report.html";
    /** Fewer targets than this are quick enough to need no progress line. */
    static final int PROGRESS_MIN_TARGETS = 4;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "Write the run's " + JSON_FILE + ", " + JUNIT_FILE + " (JUnit XML) and " + HTML_FILE + " into DIR.")
    private Path reportDir;

    @Option(names = "--history", paramLabel = "DIR",
            description = "Append the run to the history folder DIR; the HTML report then shows trends across runs.")
    private Path history;

    private int historyLimit = RunHistory.DEFAULT_LIMIT;

    @Option(names = {"-q", "--quiet"}, description = "Print only the summary line.")
    private boolean quiet;

    @Option(names = "--no-color", description = "No colours (colour is used only on a terminal, and never when NO_COLOR is set).")
    private boolean noColor;

    private Severity junitFailAt = Severity.WARNING;

    @Option(names = "--junit-fail-at", paramLabel = "SEVERITY",
            description = "Findings of this severity and above fail their JUnit test case; lower ones are "
                    + "reported in its output (INFO, WARNING, ERROR, CRITICAL; default: WARNING).")
    void setJunitFailAt(String severity) {
        try {
            junitFailAt = Severity.parse(severity);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--junit-fail-at: " + e.getMessage());
        }
    }

    @Option(names = "--history-limit", paramLabel = "N",
            description = "How many runs the history keeps; older ones are pruned (default: " + RunHistory.DEFAULT_LIMIT + ").")
    void setHistoryLimit(int limit) {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--history-limit must be at least 1, was " + limit);
        }
        historyLimit = limit;
    }

    public Path reportDir() {
        return reportDir;
    }

    public Path history() {
        return history;
    }

    public int historyLimit() {
        return historyLimit;
    }

    public boolean quiet() {
        return quiet;
    }

    /** Whether to colour: not turned off, on a terminal, and no {@code NO_COLOR} in the environment. */
    public boolean color() {
        return color(System.console() != null, System.getenv("NO_COLOR"));
    }

    boolean color(boolean terminal, String noColorVariable) {
        return !noColor && terminal && (noColorVariable == null || noColorVariable.isEmpty());
    }

    /** A progress line on {@code err} for many targets on a terminal; a silent one otherwise. */
    public ProgressLine progress(int targets, PrintWriter err) {
        boolean show = !quiet && targets >= PROGRESS_MIN_TARGETS && System.console() != null;
        return show ? new ProgressLine(err, targets, true) : ProgressLine.disabled();
    }

    /** The run on the console: the table and details, or in quiet mode the summary line alone. */
    public void print(RunReport report, PrintWriter out) {
        ConsoleReport console = new ConsoleReport(color());
        out.print(quiet ? console.summary(report) + System.lineSeparator()
                : console.render(report).replace("\n", System.lineSeparator()));
        out.flush();
    }

    /**
     * Appends the run to the history (when asked) and writes the reports (when asked). A history
     * problem is never fatal: it is reported on {@code err} as a warning and the reports are
     * written without (or with fewer) trends.
     *
     * @throws UncheckedIOException when a report file cannot be written; its message names the
     *                              file and the reason and is fit to show the user as it is
     */
    public void write(RunReport report, PrintWriter err) {
        List<TrendRun> trend = history == null ? List.of() : appendToHistory(report, err);
        if (reportDir != null) {
            writeReports(report, trend);
        }
        err.flush();
    }

    private List<TrendRun> appendToHistory(RunReport report, PrintWriter err) {
        RunHistory runs = new RunHistory(history, historyLimit);
        boolean appended = true;
        try {
            runs.append(report);
        } catch (IOException | RuntimeException e) {
            appended = false;
            err.println("rdphealth: warning: cannot append the run to the history " + history + ": " + reason(e));
        }
        List<TrendRun> trend = new ArrayList<>(runs.trendRuns(warning -> err.println("rdphealth: warning: " + warning)));
        if (!appended) {
            int next = trend.isEmpty() ? 1 : trend.get(trend.size() - 1).number() + 1;
            trend.add(new TrendRun(next, "this run", report.startedAt(), report));
        }
        return trend;
    }

    private void writeReports(RunReport report, List<TrendRun> trend) {
        writeFile(JSON_FILE, new ReportJson().write(report));
        writeFile(JUNIT_FILE, new JUnitXmlReport(junitFailAt).render(report));
        writeFile(HTML_FILE, new HtmlReport().render(report, trend));
    }

    /** Writes beside the target and moves into place, so a reader never sees half a report. */
    private void writeFile(String name, String content) {
        Path target = reportDir.resolve(name);
        try {
            Files.createDirectories(reportDir);
            Path temporary = Files.createTempFile(reportDir, "." + name, ".tmp");
            try {
                Files.writeString(temporary, content, StandardCharsets.UTF_8);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report " + target + ": " + reason(e), e);
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return kind;
        }
        return e instanceof java.nio.file.FileSystemException ? kind.replace("Exception", "") + ": " + message : message;
    }
}
