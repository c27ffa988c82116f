package io.rdphealth.cli.windows;

import io.rdphealth.cli.ExitCodes;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.host.windows.FirewallProfile;
import io.rdphealth.host.windows.ListenerVerifier;
import io.rdphealth.host.windows.WindowsFactsFormatException;
import io.rdphealth.host.windows.WindowsFactsJson;
import io.rdphealth.host.windows.WindowsFixNames;
import io.rdphealth.host.windows.WindowsHostFacts;
import io.rdphealth.host.windows.WindowsInspector;
import io.rdphealth.host.windows.WindowsPort;
import io.rdphealth.host.windows.WindowsPortException;
import io.rdphealth.host.windows.fixes.EnableFirewallRuleGroup;
import io.rdphealth.host.windows.fixes.EnableTls12;
import io.rdphealth.host.windows.fixes.FixRefusedException;
import io.rdphealth.host.windows.fixes.FixResult;
import io.rdphealth.host.windows.fixes.FixSettings;
import io.rdphealth.host.windows.fixes.InstallPfxCertificate;
import io.rdphealth.host.windows.fixes.RebuildMachineKeys;
import io.rdphealth.host.windows.fixes.RenewSelfSignedCertificate;
import io.rdphealth.host.windows.fixes.WindowsCertificateRenewal;
import io.rdphealth.host.windows.fixes.WindowsRenewalRequest;
import io.rdphealth.host.windows.fixes.WindowsRenewalResult;
import io.rdphealth.host.windows.fixes.RepairKeyAcl;
import io.rdphealth.host.windows.fixes.StartServices;
import io.rdphealth.host.windows.fixes.WindowsFixRunner;
import io.rdphealth.host.windows.jna.JnaWindowsPort;
import io.rdphealth.host.windows.rules.WindowsRuleContext;
import io.rdphealth.host.windows.rules.WindowsRules;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.renew.LineWriter;
import io.rdphealth.renew.RenewalPlatform;
import io.rdphealth.renew.RenewalResult;
import io.rdphealth.report.ReportFormatException;
import io.rdphealth.report.HealthState;
import io.rdphealth.report.ReportJson;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.TargetResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Windows subcommands as plain methods the picocli commands call. Each returns the exit code
 * and writes only to {@code out}; bad input gives one clear line, never a stack trace.
 *
 * <p>Exit codes are the project's {@link ExitCodes}: {@code 0} healthy / applied / planned / nothing
 * to do; {@code 1} the worst finding is a WARNING; {@code 2} a finding at ERROR or worse, or a fix
 * that failed and was rolled back (also when the rollback itself failed: the output then says
 * to restore from the backup); {@code 3} bad input, not on Windows, or a fix refused (nothing changed).
 */
public final class WindowsCommands {
    /** Snapshots and probe results are read with this cap (they are a few hundred KB). */
    public static final long MAX_INPUT_BYTES = 16L * 1024 * 1024;

    private final Supplier<WindowsPort> ports;
    private final ListenerVerifier verifier;
    private final Clock clock;
    private final SeverityPolicy policy;
    private final Path stateDir;
    private final FixSettings settings;

    /**
     * @param ports     opens the host (called only by inspect/fix/renewCert)
     * @param verifier  reads the served certificate from the wire (the lead's wire probe on 127.0.0.1)
     * @param clock     time
     * @param policy    severity policy for the diagnosis and the exit code
     * @param stateDir  host lock, change journal and backups; {@code null} = {@code %ProgramData%\RdpHealth}
     * @param settings  fix deadlines
     */
    public WindowsCommands(Supplier<WindowsPort> ports, ListenerVerifier verifier, Clock clock, SeverityPolicy policy,
                           Path stateDir, FixSettings settings) {
        this.ports = ports;
        this.verifier = verifier;
        this.clock = clock;
        this.policy = policy;
        this.stateDir = stateDir;
        this.settings = settings;
    }

    /** The commands on this machine: the JNA port (Windows only), the system clock, default deadlines. */
    public static WindowsCommands forThisHost(ListenerVerifier verifier, SeverityPolicy policy) {
        return new WindowsCommands(() -> {
            if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
                throw new WindowsPortException("this command reads the local Windows host and runs only on Windows; "
                        + "record a snapshot there (rdphealth inspect --windows --save facts.json) and run "
                        + "rdphealth diagnose --facts facts.json here");
            }
            return new JnaWindowsPort();
        }, verifier, Clock.systemUTC(), policy, null, FixSettings.defaults());
    }

    /** {@code rdphealth inspect --windows [--save FILE]}: inspect this host, print the diagnosis, optionally save the snapshot. */
    public int inspect(boolean save, Path saveTo, PrintWriter out) {
        WindowsHostFacts facts;
        try {
            facts = new WindowsInspector(ports.get(), clock).inspect();
        } catch (WindowsPortException e) {
            return fail(out, e.getMessage());
        }
        if (save) {
            try {
                Files.writeString(saveTo, new WindowsFactsJson().write(facts), StandardCharsets.UTF_8);
                out.println("snapshot saved to " + saveTo);
            } catch (IOException e) {
                return fail(out, "cannot write " + saveTo + ": " + e.getMessage());
            }
        }
        for (String error : facts.inspectionErrors()) {
            out.println("not read: " + error);
        }
        return print(facts, WindowsRuleContext.at(facts.collectedAt()).withExpiryWindow(policy.expiryWindowDays()), out);
    }

    /** {@code rdphealth diagnose --facts FILE [--probe-result FILE]}: diagnose a snapshot anywhere. */
    public int diagnose(Path factsFile, Path probeResult, PrintWriter out) {
        WindowsHostFacts facts;
        try {
            facts = new WindowsFactsJson().parse(read(factsFile));
        } catch (IOException e) {
            return fail(out, "cannot read " + factsFile + ": " + e.getMessage());
        } catch (WindowsFactsFormatException e) {
            return fail(out, factsFile + ": " + e.getMessage());
        }
        WindowsRuleContext context = WindowsRuleContext.at(facts.collectedAt()).withExpiryWindow(policy.expiryWindowDays());
        if (probeResult != null) {
            try {
                RunReport report = new ReportJson().read(read(probeResult));
                if (!report.targets().isEmpty()) {
                    TargetResult target = report.targets().get(0);
                    String served = target.addresses().stream().map(WireEvidence::certificate).filter(c -> c != null)
                            .map(c -> c.leaf().sha1()).findFirst().orElse(null);
                    context = context.withProbe(target.target().port(), served);
                }
            } catch (IOException e) {
                return fail(out, "cannot read " + probeResult + ": " + e.getMessage());
            } catch (ReportFormatException e) {
                return fail(out, probeResult + ": " + e.getMessage());
            }
        }
        return print(facts, context, out);
    }

    /**
     * {@code rdphealth fix NAME [--profiles ...] [--confirm-rebuild-machinekeys] [--dry-run]}.
     *
     * @param fixName  repair-key-acl, enable-firewall, enable-tls12, start-services, rebuild-machinekeys, renew-cert
     * @param profiles for enable-firewall: the profiles (empty = every active profile where the group is off)
     * @param confirmRebuildMachineKeys the explicit confirmation rebuild-machinekeys requires
     * @param dryRun   print the plan, change nothing
     */
    public int fix(String fixName, Set<FirewallProfile> profiles, boolean confirmRebuildMachineKeys, boolean dryRun, PrintWriter out) {
        WindowsFixRunner.Planner planner = switch (fixName) {
            case WindowsFixNames.RENEW_CERT -> RenewSelfSignedCertificate::plan;
            case WindowsFixNames.REPAIR_KEY_ACL -> RepairKeyAcl::plan;
            case WindowsFixNames.ENABLE_FIREWALL -> ctx -> EnableFirewallRuleGroup.plan(ctx, profiles == null ? Set.of() : profiles);
            case WindowsFixNames.ENABLE_TLS12 -> EnableTls12::plan;
            case WindowsFixNames.START_SERVICES -> StartServices::plan;
            case WindowsFixNames.REBUILD_MACHINEKEYS -> ctx -> RebuildMachineKeys.plan(ctx, confirmRebuildMachineKeys);
            default -> null;
        };
        if (planner == null) {
            return fail(out, "refused, nothing changed: unknown fix '" + fixName + "' (expected one of renew-cert, "
                    + "repair-key-acl, enable-firewall, enable-tls12, start-services, rebuild-machinekeys)");
        }
        if (fixName.equals(WindowsFixNames.REBUILD_MACHINEKEYS)) {
            // Refused before the host is even opened: the confirmation is about the command, not the host.
            try {
                RebuildMachineKeys.requireConfirmation(confirmRebuildMachineKeys);
            } catch (FixRefusedException e) {
                return fail(out, "refused, nothing changed: " + e.getMessage());
            }
        }
        WindowsPort port;
        try {
            port = ports.get();
        } catch (WindowsPortException e) {
            return fail(out, e.getMessage());
        }
        FixResult result = new WindowsFixRunner(port, verifier, clock, settings, stateDir).run(fixName, planner, dryRun, out);
        out.flush();
        return switch (result.status()) {
            case PLANNED, APPLIED -> ExitCodes.HEALTHY;
            case ROLLED_BACK, ROLLBACK_FAILED -> ExitCodes.ERRORS;
            case REFUSED -> fail(out, "refused, nothing changed: " + result.error());
        };
    }

    /**
     * {@code rdphealth renew-cert --windows [--pkcs12 FILE --pkcs12-password-env VAR] [--renew-within DAYS] [--force]
     * [--dry-run]}: without a PKCS#12 file renew the self-signed certificate when it is missing, expired or expiring;
     * with one install, grant, pin and verify it unless it is already pinned. The password comes from the caller
     * (environment or file), never from the command line.
     */
    public int renewCert(Path pfx, char[] password, int renewWithinDays, boolean force, boolean dryRun, PrintWriter out) {
        Renewal renewal = renew(pfx, password, renewWithinDays, force, dryRun, out);
        if (renewal.failure() != null) {
            return fail(out, renewal.failure());
        }
        if (renewal.result().status() == WindowsRenewalResult.Status.REFUSED) {
            return fail(out, "refused, nothing changed: " + renewal.result().reason());
        }
        out.flush();
        return exitCode(renewal.result().status());
    }

    /**
     * {@link #renewCert} for a machine: the result as JSON on {@code json} (the shape the Jenkins
     * step records, {@code io.rdphealth.renew.RenewalResult}), the progress lines on {@code progress}.
     */
    public int renewCertJson(Path pfx, char[] password, int renewWithinDays, boolean force, boolean dryRun,
            PrintWriter json, PrintWriter progress) {
        LineWriter lines = new LineWriter(line -> {
            progress.println(line);
            progress.flush();
        });
        Renewal renewal;
        try (PrintWriter out = new PrintWriter(lines)) {
            renewal = renew(pfx, password, renewWithinDays, force, dryRun, out);
        }
        RenewalResult result = renewal.failure() != null
                ? RenewalResult.refused(RenewalPlatform.WINDOWS.label(), renewal.failure())
                : RenewalResult.ofWindows(renewal.result(), lines.lines(), pfx != null);
        json.println(new ReportJson().writeValue(result));
        json.flush();
        return renewal.failure() != null ? ExitCodes.USAGE : exitCode(renewal.result().status());
    }

    /** A renewal that ran ({@code result}), or why it could not start ({@code failure}). */
    private record Renewal(WindowsRenewalResult result, String failure) {
    }

    private Renewal renew(Path pfx, char[] password, int renewWithinDays, boolean force, boolean dryRun, PrintWriter out) {
        byte[] bytes = null;
        if (pfx != null) {
            try {
                if (Files.size(pfx) > InstallPfxCertificate.MAX_PFX_BYTES) {
                    return new Renewal(null, pfx + " is larger than " + InstallPfxCertificate.MAX_PFX_BYTES
                            + " bytes: not a PKCS#12 certificate file");
                }
                bytes = Files.readAllBytes(pfx);
            } catch (IOException e) {
                return new Renewal(null, "cannot read " + pfx + ": " + e.getMessage());
            }
        }
        WindowsPort port;
        try {
            port = ports.get();
        } catch (WindowsPortException e) {
            return new Renewal(null, e.getMessage());
        }
        return new Renewal(new WindowsCertificateRenewal(port, verifier, clock, settings, stateDir)
                .renew(new WindowsRenewalRequest(0, renewWithinDays, force, dryRun, bytes, password), out), null);
    }

    private static int exitCode(WindowsRenewalResult.Status status) {
        return switch (status) {
            case NOTHING_TO_DO, PLANNED, APPLIED -> ExitCodes.HEALTHY;
            case ROLLED_BACK, ROLLBACK_FAILED -> ExitCodes.ERRORS;
            case REFUSED -> ExitCodes.USAGE;
        };
    }

    private int print(WindowsHostFacts facts, WindowsRuleContext context, PrintWriter out) {
        List<Finding> findings = new WindowsRules().evaluate(facts, context).stream().map(policy::apply).toList();
        out.println("Windows host " + facts.computerName() + " (snapshot of " + facts.collectedAt() + "): "
                + (findings.isEmpty() ? "no findings" : findings.size() + " finding(s)"));
        for (Finding finding : findings) {
            printFinding(finding, "", out);
        }
        out.flush();
        return ExitCodes.of(HealthState.of(findings.stream().map(Finding::worstSeverity).max(Enum::compareTo).orElse(null)));
    }

    private static void printFinding(Finding f, String indent, PrintWriter out) {
        out.println(indent + f.severity() + " " + f.id() + ": " + f.summary());
        for (String e : f.evidence()) {
            out.println(indent + "    - " + e);
        }
        int i = 1;
        for (String step : f.fix().steps()) {
            out.println(indent + "    " + i++ + ". " + step);
        }
        if (f.fix().isAutomatable()) {
            out.println(indent + "    (rdphealth can apply this: " + f.fix().automatedBy() + ")");
        }
        for (Finding symptom : f.symptoms()) {
            printFinding(symptom, indent + "    ", out);
        }
    }

    private static String read(Path file) throws IOException {
        if (Files.size(file) > MAX_INPUT_BYTES) {
            throw new IOException("larger than " + MAX_INPUT_BYTES + " bytes");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static int fail(PrintWriter out, String message) {
        out.println("error: " + message);
        out.flush();
        return ExitCodes.USAGE;
    }
}
