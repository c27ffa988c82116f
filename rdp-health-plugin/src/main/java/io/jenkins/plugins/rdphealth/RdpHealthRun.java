package io.jenkins.plugins.rdphealth;

import io.rdphealth.policy.GateOutcome;
import io.rdphealth.report.ReportFormatException;
import io.rdphealth.report.ReportJson;
import io.rdphealth.report.RunReport;
import java.time.Instant;
import java.util.List;

/**
 * What one {@code rdpHealthCheck} call stored in its build: the report in the library's JSON form
 * and the gate's verdict. This is the entity of the build's own XML file; the JSON inside it is
 * parsed on first use (XStream cannot restore Java records, and the JSON form is versioned).
 */
public final class RdpHealthRun {
    private final String id;
    private final String name;
    private final String reportJson;
    private final String outcome;
    private final String reason;

    private transient RunReport report;
    private transient String readError;

    RdpHealthRun(String id, String name, String reportJson, GateOutcome outcome, String reason) {
        this.id = id;
        this.name = name;
        this.reportJson = reportJson;
        this.outcome = outcome.name();
        this.reason = reason;
    }

    /** The value for a results file that cannot be read: no targets, and a reason saying so. */
    static RdpHealthRun unreadable(String why) {
        return new RdpHealthRun("", "", null, GateOutcome.PASS, why);
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public GateOutcome getOutcome() {
        return GateOutcome.valueOf(outcome);
    }

    public String getReason() {
        return reason;
    }

    /** The report; an empty one when the stored JSON is missing or unreadable (see {@link #getReadError()}). */
    public synchronized RunReport getReport() {
        if (report == null) {
            try {
                if (reportJson == null) {
                    throw new ReportFormatException("no report stored");
                }
                report = new ReportJson().read(reportJson);
            } catch (ReportFormatException e) {
                readError = e.getMessage();
                report = new RunReport(RunReport.SCHEMA_VERSION, "unreadable", Instant.EPOCH, 0, List.of());
            }
        }
        return report;
    }

    /** Why the stored report could not be read, or {@code null}. */
    public synchronized String getReadError() {
        getReport();
        return readError;
    }

    String getReportJson() {
        return reportJson;
    }
}
