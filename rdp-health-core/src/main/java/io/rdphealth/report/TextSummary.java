package io.rdphealth.report;

import io.rdphealth.finding.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A short plain-text summary of a run for logs (the Jenkins build log, a terminal): one header
 * line, then per target its state, the root causes with their first fix step, and symptom IDs.
 * Plain text only; callers that render HTML escape it.
 */
public final class TextSummary {
    private TextSummary() {
    }

    public static List<String> lines(RunReport report) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "RDP Health: %d target(s) in %.1f s, state %s%s", report.targets().size(),
                report.millis() / 1000.0, report.state(),
                report.worstSeverity() == null ? "" : " (worst severity " + report.worstSeverity() + ")"));
        for (TargetResult target : report.targets()) {
            lines.add(String.format(Locale.ROOT, "  %-8s %s%s", target.state(), target.target().input(), facts(target)));
            for (Finding finding : target.findings()) {
                lines.add(String.format(Locale.ROOT, "    [%s] %s: %s", finding.severity(), finding.id(), finding.summary()));
                lines.add("      fix: " + finding.fix().steps().get(0)
                        + (finding.fix().isAutomatable() ? " (automated: " + finding.fix().automatedBy() + ")" : ""));
                if (!finding.symptoms().isEmpty()) {
                    lines.add("      explains: " + String.join(", ",
                            finding.symptoms().stream().map(s -> s.id().name()).toList()));
                }
            }
        }
        return lines;
    }

    private static String facts(TargetResult target) {
        List<String> facts = new ArrayList<>();
        if (target.certificateDaysLeft() != null) {
            facts.add("certificate " + target.certificateDaysLeft() + " day(s) left");
        }
        if (target.handshakeMillis() != null) {
            facts.add(String.format(Locale.ROOT, "TLS handshake %.0f ms", target.handshakeMillis()));
        }
        return facts.isEmpty() ? "" : " (" + String.join(", ", facts) + ")";
    }
}
