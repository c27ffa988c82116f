package io.rdphealth.cli;

import io.rdphealth.cli.windows.WindowsCommands;
import io.rdphealth.finding.Finding;
import io.rdphealth.host.windows.WireListenerVerifier;
import io.rdphealth.host.xrdp.XrdpFindingRules;
import io.rdphealth.host.xrdp.XrdpHostFacts;
import io.rdphealth.host.xrdp.XrdpInspector;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.report.HealthState;
import io.rdphealth.report.ReportJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code rdphealth inspect --xrdp [--config FILE]} / {@code inspect --windows [--save FILE]}: read the host's RDP server setup and report findings. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Inspect this host's RDP server (configuration, certificate and key files, permissions, listener, log).")
public final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Platform platform;

    /** Which server to inspect. */
    static final class Platform {
        @Option(names = "--xrdp", required = true, description = "Inspect xrdp (Linux).")
        boolean xrdp;

        @Option(names = "--windows", required = true,
                description = "Inspect this Windows host (run as administrator; see docs/windows.md).")
        boolean windows;
    }

    @Option(names = "--save", paramLabel = "FILE",
            description = "--windows: also write the host snapshot to FILE (for 'rdphealth diagnose --facts FILE').")
    Path save;

    @Option(names = "--config", paramLabel = "FILE", description = "xrdp.ini to read (default: ${DEFAULT-VALUE}).")
    Path config = XrdpInspector.DEFAULT_INI;

    @Option(names = "--target", paramLabel = "NAME",
            description = "Name the findings carry, to join them with 'check' of the same host (default: hostname:port).")
    String target;

    @Option(names = "--expiry-window", paramLabel = "DAYS", defaultValue = "30",
            description = "CERT_EXPIRING_SOON when fewer days are left (default: ${DEFAULT-VALUE}).")
    int expiryWindow;

    @Option(names = "--json", description = "Print findings and host facts as JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SeverityPolicy policy = SeverityPolicy.defaults().withExpiryWindowDays(expiryWindow);
        if (platform.windows) {
            for (String xrdpOnly : List.of("--config", "--target", "--json")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(xrdpOnly)) {
                    throw new IllegalArgumentException(xrdpOnly + " applies to --xrdp only"
                            + ("--json".equals(xrdpOnly) ? " (with --windows, --save FILE writes the snapshot as JSON)" : ""));
                }
            }
            return WindowsCommands.forThisHost(new WireListenerVerifier(), policy).inspect(save != null, save, out);
        }
        if (save != null) {
            throw new IllegalArgumentException("--save applies to --windows only");
        }
        XrdpHostFacts facts = new XrdpInspector().inspect(config, target);
        List<Finding> findings = XrdpFindingRules.findings(facts, policy);
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("target", facts.target());
            document.put("facts", facts);
            document.put("findings", findings);
            out.println(new ReportJson().writeValue(document));
        } else {
            print(out, facts, findings);
        }
        out.flush();
        return ExitCodes.of(HealthState.of(findings.stream().map(Finding::worstSeverity).max(Enum::compareTo).orElse(null)));
    }

    private static void print(PrintWriter out, XrdpHostFacts facts, List<Finding> findings) {
        out.println("xrdp on " + facts.target() + " (" + facts.iniPath() + ")");
        if (facts.config() != null) {
            out.println("  listener:    " + facts.listener().detail());
            out.println("  runtime:     " + facts.identity());
            out.println("  certificate: " + facts.certificateFile().describe());
            out.println("  key:         " + facts.keyFile().describe());
            if (facts.certificate() != null) {
                out.println("  served cert: SHA-256 " + facts.certificate().sha256() + ", expires " + facts.certificate().notAfter());
            }
        }
        if (findings.isEmpty()) {
            out.println("No findings.");
        }
        for (Finding finding : findings) {
            out.println();
            out.println(finding.severity() + " " + finding.id() + ": " + finding.summary());
            finding.evidence().forEach(line -> out.println("    evidence: " + line));
            for (int i = 0; i < finding.fix().steps().size(); i++) {
                out.println("    fix " + (i + 1) + ": " + finding.fix().steps().get(i));
            }
        }
    }
}
