package io.rdphealth.report.console;

import static io.rdphealth.report.console.TerminalText.clean;

import io.rdphealth.finding.Finding;
import io.rdphealth.report.HealthState;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.TargetResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run for a person at a terminal: a table of targets (state, worst finding, certificate days
 * left, handshake time), then per target with findings the ranked findings, each with its fix
 * steps, evidence and the symptoms it explains, and a summary line. Quiet mode prints only the
 * summary line. Colour only when the caller asks for it (the CLI asks on a terminal).
 */
public final class ConsoleReport {
    private static final int WORST_FINDING_WIDTH = 64;

    private final Ansi ansi;

    /** @param color whether to use ANSI colours */
    public ConsoleReport(boolean color) {
        this.ansi = new Ansi(color);
    }

    /** Table, details and summary line. */
    public String render(RunReport report) {
        StringBuilder out = new StringBuilder();
        table(out, report);
        for (TargetResult target : report.targets()) {
            if (!target.findings().isEmpty()) {
                out.append('\n');
                details(out, target);
            }
        }
        if (report.gateway() != null) {
            out.append('\n').append(ansi.bold("gateway " + clean(report.gateway().gateway().input()))).append("  ")
                    .append(ansi.state(report.gateway().state(), report.gateway().state().name())).append('\n');
            for (Finding finding : report.gateway().findings()) {
                finding(out, finding, finding.symptoms().isEmpty() ? "" : "root cause ", "  ");
            }
            var evidence = report.gateway().evidence();
            if (evidence.ntlm() != null && evidence.ntlm().challenge() != null) {
                var names = evidence.ntlm().challenge();
                out.append("  NTLM names: ").append(clean(names.netbiosDomain() + "\\" + names.netbiosComputer()))
                        .append(names.dnsComputer() == null ? "" : " (" + clean(names.dnsComputer()) + ")")
                        .append(names.osVersion() == null ? "" : ", OS " + clean(names.osVersion())).append('\n');
            }
            if (evidence.authentication() != null) {
                out.append("  authentication: ").append(clean(evidence.authentication().scheme())).append(' ')
                        .append(evidence.authentication().outcome().name())
                        .append(evidence.authentication().warning() == null ? "" : " (" + clean(evidence.authentication().warning()) + ")")
                        .append('\n');
            }
        }
        out.append('\n').append(summary(report)).append('\n');
        return out.toString();
    }

    /** One line: the run's state and the number of targets per state. */
    public String summary(RunReport report) {
        Map<HealthState, Integer> counts = new EnumMap<>(HealthState.class);
        report.targets().forEach(t -> counts.merge(t.state(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        for (HealthState state : HealthState.values()) {
            if (counts.containsKey(state)) {
                parts.add(counts.get(state) + " " + state.name().toLowerCase(Locale.ROOT));
            }
        }
        int n = report.targets().size();
        return ansi.state(report.state(), report.state().name()) + ": " + n + (n == 1 ? " target" : " targets")
                + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")")
                + String.format(Locale.ROOT, " in %.1f s", report.millis() / 1000.0);
    }

    private void table(StringBuilder out, RunReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"TARGET", "STATE", "WORST FINDING", "CERT DAYS", "HANDSHAKE MS"});
        for (TargetResult target : report.targets()) {
            Finding worst = worstFinding(target);
            rows.add(new String[] {
                clean(target.target().input()),
                target.state().name(),
                worst == null ? "-" : TerminalText.truncate(worst.id().name() + " " + clean(worst.summary()), WORST_FINDING_WIDTH),
                target.certificateDaysLeft() == null ? "-" : String.valueOf(target.certificateDaysLeft()),
                target.handshakeMillis() == null ? "-" : String.format(Locale.ROOT, "%.1f", target.handshakeMillis())});
        }
        int[] widths = new int[5];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                boolean right = c >= 3;
                String padded = right ? pad(row[c], widths[c], true) : pad(row[c], widths[c], false);
                if (r > 0 && c == 1) {
                    padded = ansi.state(report.targets().get(r - 1).state(), row[c]) + " ".repeat(widths[c] - row[c].length());
                }
                line.append(c == 0 ? "" : "  ").append(r == 0 ? ansi.bold(padded) : padded);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private void details(StringBuilder out, TargetResult target) {
        out.append(ansi.bold(clean(target.target().input()))).append("  ")
                .append(ansi.state(target.state(), target.state().name())).append('\n');
        for (Finding finding : target.findings()) {
            finding(out, finding, finding.symptoms().isEmpty() ? "" : "root cause ", "  ");
        }
    }

    private void finding(StringBuilder out, Finding finding, String role, String indent) {
        out.append(indent).append(ansi.dim(role)).append(ansi.severity(finding.severity(), finding.severity().name()))
                .append(' ').append(finding.id().name()).append("  ").append(clean(finding.summary())).append('\n');
        out.append(indent).append("  fix")
                .append(finding.fix().isAutomatable() ? " (rdphealth can apply it: " + clean(finding.fix().automatedBy()) + ")" : "")
                .append(":\n");
        for (int i = 0; i < finding.fix().steps().size(); i++) {
            out.append(indent).append("    ").append(i + 1).append(". ").append(clean(finding.fix().steps().get(i))).append('\n');
        }
        if (!finding.evidence().isEmpty()) {
            out.append(indent).append("  evidence:\n");
            finding.evidence().forEach(e -> out.append(indent).append("    - ").append(clean(e)).append('\n'));
        }
        if (!finding.symptoms().isEmpty()) {
            out.append(indent).append("  explains:\n");
            for (Finding symptom : finding.symptoms()) {
                finding(out, symptom, "", indent + "    ");
            }
        }
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - text.length()));
        return right ? spaces + text : text + spaces;
    }

    /** The first top-level finding that carries the target's worst severity (itself or through a symptom). */
    private static Finding worstFinding(TargetResult target) {
        return target.findings().stream().filter(f -> f.worstSeverity() == target.worstSeverity()).findFirst().orElse(null);
    }
}
