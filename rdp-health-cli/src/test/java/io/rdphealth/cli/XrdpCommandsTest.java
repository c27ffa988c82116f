package io.rdphealth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The xrdp commands on this machine's real, stopped xrdp install (/etc/xrdp, Debian's snakeoil links). */
class XrdpCommandsTest {
    @TempDir
    Path state;

    private static String run(Object command, StringWriter out, String... args) {
        CommandLine line = new CommandLine(command);
        StringWriter err = new StringWriter();
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int code = line.execute(args);
        return code + "\n" + out + err;
    }

    @Test
    void inspectReportsTheStoppedDebianInstallWithFixes() {
        String output = run(new InspectCommand(), new StringWriter(), "--xrdp", "--config", "/etc/xrdp/xrdp.ini");
        assertThat(output).startsWith("2\n");
        assertThat(output).contains("CRITICAL XRDP_NOT_RUNNING", "fix 1:", "/etc/xrdp/key.pem -> /etc/ssl/private/ssl-cert-snakeoil.key");
        String json = run(new InspectCommand(), new StringWriter(), "--xrdp", "--json");
        assertThat(json).contains("\"findings\"", "\"XRDP_NOT_RUNNING\"");
    }

    @Test
    void renewDryRunOnTheRealInstallChangesNothingAndPkcs12PasswordIsNeverAnArgument() throws Exception {
        byte[] certBefore = Files.readAllBytes(Path.of("/etc/xrdp/cert.pem"));
        String output = run(new RenewCertCommand(), new StringWriter(), "--xrdp", "--dry-run", "--force",
                "--state-dir", state.resolve("s").toString());
        assertThat(output).startsWith("0\n").contains("PLANNED: --force", "Plan (nothing changed):");
        assertThat(Files.readAllBytes(Path.of("/etc/xrdp/cert.pem"))).isEqualTo(certBefore);
        assertThat(Files.isSymbolicLink(Path.of("/etc/xrdp/key.pem"))).isTrue();
        assertThat(state.resolve("s")).doesNotExist();

        assertThat(run(new RenewCertCommand(), new StringWriter(), "--xrdp", "--pkcs12", "/nonexistent.p12",
                "--pkcs12-password", "secret")).startsWith("2\n").contains("Unknown option");
        assertThat(run(new RenewCertCommand(), new StringWriter(), "--xrdp", "--key-type", "dsa", "--dry-run"))
                .contains("--key-type must be rsa or ec");
    }
}
