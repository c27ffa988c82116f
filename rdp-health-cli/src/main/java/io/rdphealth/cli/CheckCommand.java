package io.rdphealth.cli;

import io.rdphealth.check.RdpHealthCheck;
import io.rdphealth.report.ReportJson;
import io.rdphealth.report.RunReport;
import io.rdphealth.target.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rdphealth check TARGET...}: probe, diagnose, print, and exit with the gate's code. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Probe RDP targets from the wire (no credentials) and report findings with their fixes.")
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TARGET", arity = "0..*",
            description = "host, host:port, [v6]:port, IPv4 or IPv6 literal.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--targets-file", paramLabel = "FILE", description = "Read more targets from FILE, one per line ('#' comments).")
    Path targetsFile;

    @Option(names = "--json", description = "Print the JSON report (docs/report.schema.json) instead of the summary.")
    boolean json;

    @Mixin
    ProbeOptionsMixin probe;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Target> parsed = parseTargets();
        RunReport report = new RdpHealthCheck(probe.probeOptions(), probe.policy()).run(parsed);
        if (json) {
            out.println(new ReportJson().write(report));
        } else {
            new ConsoleSummary(out).print(report);
        }
        out.flush();
        return ExitCodes.of(report.state());
    }

    private List<Target> parseTargets() throws IOException {
        List<String> all = new ArrayList<>(targets);
        if (targetsFile != null) {
            if (!Files.isReadable(targetsFile)) {
                throw new IllegalArgumentException("--targets-file '" + targetsFile + "' is not a readable file");
            }
            for (String line : Files.readAllLines(targetsFile, StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    all.add(trimmed);
                }
            }
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no target given (pass TARGET... or --targets-file FILE)");
        }
        List<Target> parsed = new ArrayList<>();
        for (String text : all) {
            parsed.add(Target.parse(text, probe.port));
        }
        return parsed;
    }
}
