package io.rdphealth.cli;

import io.rdphealth.check.RdpHealthCheck;
import io.rdphealth.host.LocalHost;
import io.rdphealth.host.XrdpHostInspector;
import io.rdphealth.probe.gateway.GatewayCredentials;
import io.rdphealth.probe.gateway.GatewayProbe;
import io.rdphealth.report.ReportJson;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.console.ProgressLine;
import io.rdphealth.target.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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

/** {@code rdphealth check TARGET...}: probe, diagnose, print, write reports, and exit with the gate's code. */
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

    @Option(names = "--gateway", paramLabel = "HOST[:PORT]", description = "Also probe this RD Gateway (HTTPS, default port 443).")
    String gateway;

    @Option(names = "--gateway-user", paramLabel = "USER", description = "DOMAIN\\user, user@domain or user for the gateway's authentication step "
            + "(with --gateway-password-env/-file): NTLMv2 when the gateway offers NTLM or Negotiate, Basic only when it offers Basic alone.")
    String gatewayUser;

    @Option(names = "--gateway-password-env", paramLabel = "VAR", description = "Environment variable holding the gateway password (never on the command line).")
    String gatewayPasswordEnv;

    @Option(names = "--gateway-password-file", paramLabel = "FILE", description = "File holding the gateway password.")
    Path gatewayPasswordFile;

    @Option(names = "--gateway-token-env", paramLabel = "VAR", description = "Environment variable holding a bearer token for the gateway.")
    String gatewayTokenEnv;

    @Option(names = "--inspect-host", description = "Also inspect this machine (xrdp.ini and files on Linux, registry/certificates on Windows) for targets that point at it.")
    boolean inspectHost;

    @Option(names = "--xrdp-config", paramLabel = "FILE", description = "With --inspect-host on Linux: the xrdp.ini to inspect (default /etc/xrdp/xrdp.ini).")
    Path xrdpConfig;

    @Mixin
    ProbeOptionsMixin probe;

    @Mixin
    ReportOptions reports;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Target> parsed = parseTargets();
        var options = probe.probeOptions();
        if (gateway != null) {
            options = options.withGateway(GatewayProbe.parseGateway(gateway));
        }
        RdpHealthCheck check = new RdpHealthCheck(options, probe.policy());
        GatewayCredentials credentials = gatewayCredentials();
        if (credentials != null) {
            check = check.withGatewayCredentials(credentials);
        }
        if (xrdpConfig != null && !inspectHost) {
            throw new IllegalArgumentException("--xrdp-config is used with --inspect-host");
        }
        if (inspectHost) {
            check = xrdpConfig == null ? check.withLocalHostInspection()
                    : check.withHostInspection(new XrdpHostInspector(xrdpConfig), LocalHost::isThisHost);
        }
        RunReport report;
        try (ProgressLine line = json ? ProgressLine.disabled() : reports.progress(parsed.size(), err)) {
            report = check.run(parsed, line);
        }
        if (json) {
            out.println(new ReportJson().write(report));
        } else {
            reports.print(report, out);
        }
        out.flush();
        try {
            reports.write(report, err);
        } catch (UncheckedIOException e) {
            err.println("rdphealth: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return ExitCodes.of(report.state());
    }

    private GatewayCredentials gatewayCredentials() throws IOException {
        if (gatewayTokenEnv != null) {
            return new GatewayCredentials.Token(Secrets.fromEnvironment("--gateway-token-env", gatewayTokenEnv));
        }
        if (gatewayUser == null) {
            if (gatewayPasswordEnv != null || gatewayPasswordFile != null) {
                throw new IllegalArgumentException("--gateway-password-env/-file need --gateway-user");
            }
            return null;
        }
        char[] password = gatewayPasswordEnv != null ? Secrets.fromEnvironment("--gateway-password-env", gatewayPasswordEnv)
                : gatewayPasswordFile != null ? Secrets.fromFile("--gateway-password-file", gatewayPasswordFile) : null;
        if (password == null) {
            throw new IllegalArgumentException("--gateway-user needs --gateway-password-env VAR or --gateway-password-file FILE");
        }
        try {
            return new GatewayCredentials.Password(gatewayUser, password);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--gateway-user: " + e.getMessage(), e);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
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
