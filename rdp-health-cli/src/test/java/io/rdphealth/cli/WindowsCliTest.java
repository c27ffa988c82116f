package io.rdphealth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.host.windows.Snapshots;
import io.rdphealth.report.ReportJson;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.SampleReports;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Windows commands through the real command line ({@link RdpHealthCommand#execute}): diagnose
 * the shipped snapshots (core test-jar, synthetic data: see docs/windows.md), the one-line errors
 * on this Linux machine for commands that must run on Windows, and the usage errors. Whatever
 * changes a host runs only through {@code WindowsCommandsTest} over the scripted port.
 */
class WindowsCliTest {
    @TempDir
    Path tmp;

    /** Exit code, stdout and stderr of one run. */
    private record Run(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RdpHealthCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    private Path snapshot(String name) throws Exception {
        Path file = tmp.resolve(name + ".json");
        Files.writeString(file, Snapshots.text(name));
        return file;
    }

    @Test
    void diagnoseHealthySnapshotExitsZero() throws Exception {
        Run run = run("diagnose", "--facts", snapshot("healthy").toString());
        assertThat(run.code()).as(run.all()).isEqualTo(ExitCodes.HEALTHY);
        // Only INFO context (an old Schannel event) is reported: nothing above INFO.
        assertThat(run.out()).contains("INFO EVENT_LOG_EVIDENCE").doesNotContain("WARNING ", "ERROR ", "CRITICAL ");
    }

    @Test
    void diagnoseEachBrokenSnapshotNamesItsRootCauseAndExitsTwo() throws Exception {
        // Catalog severities: CERT_EXPIRED, FIREWALL_RULE_DISABLED, SCHANNEL_TLS12_DISABLED are ERROR,
        // CERT_KEY_ACCESS_DENIED is CRITICAL: each makes the exit code 2, as 'check' does.
        List<List<String>> cases = List.of(
                List.of("expired-cert", "CERT_EXPIRED", "renew-cert"),
                List.of("key-acl-broken", "CRITICAL CERT_KEY_ACCESS_DENIED", "repair-key-acl"),
                List.of("tls12-disabled", "SCHANNEL_TLS12_DISABLED", "enable-tls12"),
                List.of("firewall-off", "FIREWALL_RULE_DISABLED", "enable-firewall"));
        for (List<String> c : cases) {
            Run run = run("diagnose", "--facts", snapshot(c.get(0)).toString());
            assertThat(run.code()).as(c.get(0) + ":\n" + run.all()).isEqualTo(ExitCodes.ERRORS);
            assertThat(run.out()).as(c.get(0)).contains(c.get(1)).contains("(rdphealth can apply this: " + c.get(2) + ")");
        }
    }

    @Test
    void diagnoseWithAProbeResultComparesThePort() throws Exception {
        Instant at = Instant.parse("2025-01-01T00:00:00Z");
        RunReport probe = new RunReport(RunReport.SCHEMA_VERSION, "test", at, 10,
                List.of(SampleReports.healthy("rdp.example.test:3390", at, 200, 30)));
        Path result = tmp.resolve("r.json");
        Files.writeString(result, new ReportJson().write(probe));

        Run run = run("diagnose", "--facts", snapshot("healthy").toString(), "--probe-result", result.toString());

        assertThat(run.out()).as(run.all()).contains("LISTENER_PORT_MISMATCH").contains("clients use 3390");
    }

    @Test
    void diagnoseWithAMissingOrMalformedFileIsAOneLineUsageError() throws Exception {
        Run missing = run("diagnose", "--facts", tmp.resolve("nope.json").toString());
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.all().strip()).startsWith("error: cannot read").hasLineCount(1).doesNotContain("Exception");

        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"schemaVersion\": 1, \"listener\": 42}");
        Run malformed = run("diagnose", "--facts", bad.toString());
        assertThat(malformed.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(malformed.all().strip()).startsWith("error: ").contains("invalid Windows host facts").hasLineCount(1);

        Run noFacts = run("diagnose");
        assertThat(noFacts.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(noFacts.err()).contains("Missing required option: '--facts=FILE'");
    }

    @Test
    void inspectWindowsOnLinuxIsOneClearLineAndExitThree() {
        Run run = run("inspect", "--windows");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.all().strip()).hasLineCount(1).startsWith("error: ").contains("runs only on Windows")
                .contains("rdphealth diagnose --facts facts.json").doesNotContain("Exception");

        assertThat(run("inspect", "--windows", "--json").all()).contains("--json applies to --xrdp only");
        assertThat(run("inspect", "--xrdp", "--windows").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("inspect", "--xrdp", "--save", tmp.resolve("f.json").toString()).all())
                .contains("--save applies to --windows only");
    }

    @Test
    void renewCertWindowsOnLinuxAndItsUsageErrors() {
        Run run = run("renew-cert", "--windows", "--dry-run");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.all().strip()).hasLineCount(1).contains("runs only on Windows");

        Run password = run("renew-cert", "--windows", "--pfx", "/nonexistent.pfx", "--password", "secret");
        assertThat(password.code()).as("the password is never an argument").isEqualTo(ExitCodes.USAGE);
        assertThat(password.err()).contains("Unknown option");

        assertThat(run("renew-cert", "--windows", "--san", "x").all()).contains("--san applies to --xrdp only");
        assertThat(run("renew-cert", "--windows", "--pkcs12-password-env", "X").all())
                .contains("a PKCS#12 password option needs --pkcs12");
        assertThat(run("renew-cert", "--windows", "--pkcs12", "/x.pfx", "--pkcs12-password-env", "RDPHEALTH_UNSET_VARIABLE").all())
                .contains("environment variable RDPHEALTH_UNSET_VARIABLE is not set");
    }

    @Test
    void fixUnknownNameIsAUsageError() {
        Run unknown = run("fix", "format-c");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err().strip()).hasLineCount(1).contains("unknown fix 'format-c'")
                .contains("renew-cert, repair-key-acl, enable-firewall, enable-tls12, start-services, rebuild-machinekeys");

        assertThat(run("fix").err()).contains("Missing required parameter: 'NAME'");
        assertThat(run("fix", "enable-firewall", "--profiles", "domain,work").all())
                .contains("unknown firewall profile 'work' (expected domain, private or public)");
        assertThat(run("fix", "enable-tls12", "--profiles", "domain").all()).contains("--profiles applies to enable-firewall only");
        assertThat(run("fix", "repair-key-acl", "--confirm-rebuild-machinekeys").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void fixOnLinuxIsOneClearLine() {
        Run run = run("fix", "enable-firewall", "--profiles", "domain,private", "--dry-run");
        assertThat(run.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.all().strip()).hasLineCount(1).contains("runs only on Windows");
    }

    @Test
    void helpListsTheNewCommandsAndTheExitCodes() {
        Run help = run("--help");
        assertThat(help.out()).contains("diagnose", "fix", "a change failed and was rolled back");
    }
}
