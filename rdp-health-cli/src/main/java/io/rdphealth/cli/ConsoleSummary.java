package io.rdphealth.cli;

import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.TargetResult;
import java.io.PrintWriter;

/** The plain-text summary of a run: per target its state, then root causes, fixes and evidence. */
final class ConsoleSummary {
    private final PrintWriter out;

    ConsoleSummary(PrintWriter out) {
        this.out = out;
    }

    void print(RunReport report) {
        for (TargetResult target : report.targets()) {
            out.printf("%s  %s%s%n", target.target().input(), target.state(), facts(target));
            for (Finding finding : target.findings()) {
                print(finding, "  ");
            }
        }
        out.printf("%d target(s), overall %s, %.0f ms%n", report.targets().size(), report.state(), report.millis());
    }

    private static String facts(TargetResult target) {
        StringBuilder facts = new StringBuilder();
        for (WireEvidence address : target.addresses()) {
            if (address.preferred() != null && address.preferred().selected() != null) {
                facts.append("  selected ").append(address.preferred().selected());
            }
            if (address.tls() != null && address.tls().succeeded()) {
                facts.append("  ").append(address.tls().version().label()).append(' ').append(address.tls().cipherSuite());
            }
            if (address.ntlm() != null && address.ntlm().challenge() != null) {
                var ntlm = address.ntlm().challenge();
                facts.append("  NTLM ").append(ntlm.netbiosDomain()).append('\\').append(ntlm.netbiosComputer())
                        .append(" OS ").append(ntlm.osVersion());
            }
        }
        if (target.certificateDaysLeft() != null) {
            facts.append("  cert ").append(target.certificateDaysLeft()).append(" days left");
        }
        return facts.toString();
    }

    private void print(Finding finding, String indent) {
        out.printf("%s%-8s %s: %s%n", indent, finding.severity(), finding.id(), finding.summary());
        for (int i = 0; i < finding.fix().steps().size(); i++) {
            out.printf("%s    fix %d. %s%n", indent, i + 1, finding.fix().steps().get(i));
        }
        if (finding.fix().isAutomatable()) {
            out.printf("%s    (rdphealth can apply this: %s)%n", indent, finding.fix().automatedBy());
        }
        for (String line : finding.evidence()) {
            out.printf("%s    evidence: %s%n", indent, line);
        }
        for (Finding symptom : finding.symptoms()) {
            out.printf("%s  explains:%n", indent);
            print(symptom, indent + "    ");
        }
    }
}
