package io.rdphealth.cli;

import io.rdphealth.check.RdpHealthCheck;
import io.rdphealth.explain.CauseStatus;
import io.rdphealth.explain.CauseVerdict;
import io.rdphealth.explain.Check;
import io.rdphealth.explain.CodeExplainer;
import io.rdphealth.explain.Explanation;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.report.RunReport;
import io.rdphealth.target.Target;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code rdphealth explain CODE [EXTENDED] [--target HOST]}: decodes a client's disconnect code and
 * extended reason, names the findings that cause it and the checks that settle it; with
 * {@code --target} it probes the host and says which cause holds.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Decode an RDP client disconnect code (e.g. 0x904) and extended reason (e.g. 0x7): official meaning,",
            "likely causes (finding IDs) and the checks that settle them. With --target, probe HOST and say which cause holds."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:explained (without --target), or the target is healthy", "1:target has warnings",
            "2:target has errors or critical findings", "3:unknown or malformed code, or a bad option"})
public final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CODE",
            description = "The disconnect reason (IMsTscAxEvents::OnDisconnected), hex with 0x or decimal: 0x904, 2308.")
    String code;

    @Parameters(index = "1", arity = "0..1", paramLabel = "EXTENDED",
            description = "The extended reason (ExtendedDisconnectReasonCode / ERRINFO): 0x7, 7.")
    String extended;

    @Option(names = "--target", paramLabel = "HOST", description = "Probe HOST (host, host:port, [v6]:port) and judge the causes.")
    String target;

    @Mixin
    ProbeOptionsMixin probe;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Explanation explanation;
        Target parsedTarget = null;
        try {
            explanation = new CodeExplainer().explain(code, extended);
            if (target != null) {
                parsedTarget = Target.parse(target, probe.port);
            }
        } catch (IllegalArgumentException e) {
            // InvalidCodeException (unknown or malformed code) and InvalidTargetException both land here.
            err.println("rdphealth explain: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        print(out, explanation);
        if (parsedTarget == null) {
            out.flush();
            return ExitCodes.HEALTHY;
        }
        RunReport report = new RdpHealthCheck(probe.probeOptions(), probe.policy()).run(List.of(parsedTarget));
        for (CauseVerdict verdict : CauseVerdict.judge(explanation, report)) {
            print(out, verdict);
        }
        out.flush();
        return ExitCodes.of(report.state());
    }

    private static void print(PrintWriter out, Explanation e) {
        out.printf("%s  %s: %s%n", e.reason().hexAndDecimal(), e.reason().name(), e.reason().meaning());
        if (e.extendedValue() != null) {
            if (e.extended() != null) {
                out.printf("extended %s  %s: %s%n", e.extended().hexAndDecimal(), e.extended().name(), e.extended().meaning());
            }
            if (e.errorInfo() != null) {
                out.printf("%s %s  %s (MS-RDPBCGR server error info): %s%n", e.extended() == null ? "extended" : "  same number as",
                        e.errorInfo().hexAndDecimal(), e.errorInfo().name(), e.errorInfo().meaning());
            }
        }
        out.printf("meaning: %s%n", e.reading());
        if (e.causes().isEmpty()) {
            out.println("likely causes: none that RDP Health checks");
            return;
        }
        out.println("likely causes (finding IDs):");
        for (FindingId id : e.causes()) {
            out.printf("  %-30s %s%n", id, id.meaning());
        }
        out.println("settled by:");
        for (Check check : e.checks()) {
            out.printf("  %-36s %s%n", check.description(), check.command());
        }
    }

    private static void print(PrintWriter out, CauseVerdict v) {
        out.println();
        out.printf("probe of %s: %s%n", v.target(),
                v.failedAt() == null ? "completes the connection sequence (name, TCP, X.224, TLS)" : "fails at " + v.failedAt().label());
        if (v.holds().isEmpty()) {
            out.println("cause that holds: none of the candidates (from where the probe ran)");
        }
        for (CauseStatus.Holds holds : v.holds()) {
            Finding f = holds.finding();
            out.printf("%s: %s (%s)%n", holds.candidate() ? "cause that holds" : "holds, though not a usual cause of this code",
                    f.id(), f.summary());
            for (String line : f.evidence()) {
                out.printf("    evidence: %s%n", line);
            }
            for (int i = 0; i < f.fix().steps().size(); i++) {
                out.printf("    fix %d. %s%n", i + 1, f.fix().steps().get(i));
            }
        }
        if (!v.ruledOut().isEmpty()) {
            out.println("ruled out:");
            for (CauseStatus.RuledOut r : v.ruledOut()) {
                out.printf("  %-30s %s%n", r.id(), r.why());
            }
        }
        if (!v.open().isEmpty()) {
            out.println("still open:");
            for (CauseStatus.Open o : v.open()) {
                out.printf("  %-30s %s; run: %s%n", o.id(), o.why(), o.settledBy().command());
            }
        }
    }
}
