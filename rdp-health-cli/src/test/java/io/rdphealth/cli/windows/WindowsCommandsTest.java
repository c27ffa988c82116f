package io.rdphealth.cli.windows;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.cli.ExitCodes;
import io.rdphealth.host.windows.ScriptedWindowsPort;
import io.rdphealth.host.windows.Snapshots;
import io.rdphealth.host.windows.WindowsFactsJson;
import io.rdphealth.host.windows.WindowsHostFacts;
import io.rdphealth.host.windows.fixes.FixSettings;
import io.rdphealth.policy.SeverityPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Windows commands end to end over {@link ScriptedWindowsPort} (a stand-in for Windows: JNA
 * cannot run on the Linux build machines): inspect and save, diagnose a saved file, fix, and the
 * clear one-line errors for bad input.
 */
class WindowsCommandsTest {
    @TempDir
    Path tmp;

    private final StringWriter text = new StringWriter();
    private final PrintWriter out = new PrintWriter(text);

    private WindowsCommands commands(ScriptedWindowsPort port, WindowsHostFacts facts) {
        return new WindowsCommands(() -> port, port.verifier(), Clock.fixed(facts.collectedAt(), ZoneOffset.UTC),
                SeverityPolicy.defaults(), tmp, new FixSettings(Duration.ofSeconds(1), Duration.ZERO, Duration.ofMillis(1)));
    }

    @Test
    void inspectSavesASnapshotThatDiagnosesTheSameAnywhere() throws Exception {
        WindowsHostFacts facts = Snapshots.load("key-acl-broken");
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, Clock.fixed(facts.collectedAt(), ZoneOffset.UTC));
        Path saved = tmp.resolve("facts.json");

        int inspected = commands(port, facts).inspect(true, saved, out);
        String inspectText = text.toString();
        text.getBuffer().setLength(0);
        int diagnosed = commands(port, facts).diagnose(saved, null, out);

        // CERT_KEY_ACCESS_DENIED is CRITICAL: exit 2 like 'check' with a critical finding.
        assertThat(inspected).isEqualTo(ExitCodes.ERRORS);
        assertThat(diagnosed).isEqualTo(ExitCodes.ERRORS);
        assertThat(new WindowsFactsJson().parse(Files.readString(saved))).isEqualTo(facts);
        assertThat(inspectText).contains("CRITICAL CERT_KEY_ACCESS_DENIED").contains("(rdphealth can apply this: repair-key-acl)");
        assertThat(text.toString()).contains("CRITICAL CERT_KEY_ACCESS_DENIED").contains("INFO EVENT_LOG_EVIDENCE: Event 36870");
    }

    @Test
    void healthySnapshotExitsZero() throws Exception {
        Path file = tmp.resolve("healthy.json");
        Files.writeString(file, Snapshots.text("healthy"));

        assertThat(new WindowsCommands(() -> null, p -> null, Clock.systemUTC(), SeverityPolicy.defaults(), tmp, FixSettings.defaults())
                .diagnose(file, null, out)).isEqualTo(ExitCodes.HEALTHY);
    }

    @Test
    void malformedSnapshotGivesOneClearLine() throws Exception {
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, Snapshots.text("healthy").replace("\"securityLayer\" : 2", "\"securityLayer\" : 9"));

        int code = new WindowsCommands(() -> null, p -> null, Clock.systemUTC(), SeverityPolicy.defaults(), tmp, FixSettings.defaults())
                .diagnose(file, null, out);

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(text.toString().strip()).startsWith("error: ").contains("field 'listener.securityLayer': 9 is outside 0..2")
                .doesNotContain("Exception").hasLineCount(1);
    }

    @Test
    void fixDryRunThenApplyThenUnknownFix() {
        WindowsHostFacts facts = Snapshots.load("firewall-off");
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, Clock.fixed(facts.collectedAt(), ZoneOffset.UTC));
        WindowsCommands commands = commands(port, facts);

        assertThat(commands.fix("enable-firewall", Set.of(), false, true, out)).isEqualTo(ExitCodes.HEALTHY);
        assertThat(port.mutations()).isZero();
        assertThat(commands.fix("enable-firewall", Set.of(), false, false, out)).isEqualTo(ExitCodes.HEALTHY);
        assertThat(commands.diagnose(saved(port, facts), null, out)).isEqualTo(ExitCodes.HEALTHY);
        assertThat(commands.fix("rebuild-machinekeys", Set.of(), false, false, out)).isEqualTo(ExitCodes.USAGE);
        assertThat(commands.fix("format-c", Set.of(), false, false, out)).isEqualTo(ExitCodes.USAGE);
        assertThat(text.toString()).contains("refused, nothing changed: rebuilding MachineKeys").contains("unknown fix 'format-c'");
    }

    @Test
    void renewCertRenewsAndReportsThumbprints() {
        WindowsHostFacts facts = Snapshots.load("expired-cert");
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, Clock.fixed(facts.collectedAt(), ZoneOffset.UTC));

        int code = commands(port, facts).renewCert(null, null, 30, false, false, out);

        assertThat(code).as(text.toString()).isEqualTo(ExitCodes.HEALTHY);
        assertThat(text.toString()).contains("renewing: the certificate").contains("expired on")
                .contains("verified: now serving").contains("WARNING: TermService is restarted");
        int mutations = port.mutations();
        text.getBuffer().setLength(0);
        assertThat(commands(port, facts).renewCert(null, null, 30, false, false, out)).isEqualTo(ExitCodes.HEALTHY);
        assertThat(text.toString()).startsWith("nothing to do: the certificate");
        assertThat(port.mutations()).as("the second run changes nothing").isEqualTo(mutations);
        assertThat(commands(port, facts).renewCert(tmp.resolve("missing.pfx"), null, 30, false, false, out))
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void renewCertJsonPrintsTheResultAloneAndTheProgressApart() throws Exception {
        WindowsHostFacts facts = Snapshots.load("expired-cert");
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, Clock.fixed(facts.collectedAt(), ZoneOffset.UTC));
        StringWriter progress = new StringWriter();

        int code = commands(port, facts).renewCertJson(null, null, 30, false, false, out, new PrintWriter(progress));

        assertThat(code).as(text.toString()).isEqualTo(ExitCodes.HEALTHY);
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text.toString());
        assertThat(json.get("platform").asText()).isEqualTo("windows");
        assertThat(json.get("action").asText()).isEqualTo("RENEWED");
        assertThat(json.get("reason").asText()).contains("expired on");
        assertThat(json.get("before").get("sha256").asText()).isNotEqualTo(json.get("after").get("sha256").asText());
        assertThat(json.get("rollbackComplete").asBoolean()).isTrue();
        assertThat(json.get("steps")).isNotEmpty();
        assertThat(progress.toString()).contains("verified: now serving");

        text.getBuffer().setLength(0);
        int missing = commands(port, facts).renewCertJson(tmp.resolve("missing.pfx"), "x".toCharArray(), 30, false, false,
                out, new PrintWriter(new StringWriter()));
        assertThat(missing).isEqualTo(ExitCodes.USAGE);
        json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text.toString());
        assertThat(json.get("action").asText()).isEqualTo("REFUSED");
        assertThat(json.get("reason").asText()).startsWith("cannot read " + tmp.resolve("missing.pfx"));
    }

    private Path saved(ScriptedWindowsPort port, WindowsHostFacts facts) {
        try {
            Path file = tmp.resolve("after.json");
            commands(port, facts).inspect(true, file, new PrintWriter(new StringWriter()));
            return file;
        } catch (RuntimeException e) {
            throw e;
        }
    }
}
