package io.rdphealth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rdphealth.probe.ListenerCertificateReader;
import io.rdphealth.probe.ProbeOptions;
import io.rdphealth.probe.cert.CertificateDecoder;
import io.rdphealth.target.Target;
import io.rdphealth.testing.CertificateSpec;
import io.rdphealth.testing.MintedCertificate;
import io.rdphealth.testing.TestPki;
import io.rdphealth.testing.XrdpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The xrdp commands on this machine's real, stopped xrdp install (/etc/xrdp, Debian's snakeoil
 * links), and a renewal with --json on a real xrdp the test starts on a free loopback port.
 */
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

        StringWriter planned = new StringWriter();
        assertThat(run(new RenewCertCommand(), planned, "--xrdp", "--dry-run", "--force", "--json",
                "--state-dir", state.resolve("s").toString())).startsWith("0\n");
        JsonNode plan = new ObjectMapper().readTree(planned.toString());
        assertThat(plan.get("action").asText()).isEqualTo("PLANNED");
        assertThat(plan.get("steps")).isNotEmpty();
        assertThat(Files.readAllBytes(Path.of("/etc/xrdp/cert.pem"))).isEqualTo(certBefore);
    }

    @Test
    void renewJsonOnARunningXrdpRenewsVerifiesAndTheSecondRunIsNotNeeded() throws Exception {
        MintedCertificate expired = TestPki.selfSigned(CertificateSpec.expired());
        try (XrdpServer server = XrdpServer.builder().certificate(expired).start()) {
            String[] args = {"--xrdp", "--json", "--config", server.iniFile().toString(), "--state-dir",
                state.resolve("s").toString(), "--no-restart", "--lock-timeout", "10"};
            StringWriter first = new StringWriter();
            String output = run(new RenewCertCommand(), first, args);

            assertThat(output).startsWith("0\n");
            JsonNode renewed = new ObjectMapper().readTree(first.toString());
            assertThat(renewed.get("platform").asText()).isEqualTo("xrdp");
            assertThat(renewed.get("action").asText()).isEqualTo("RENEWED");
            assertThat(renewed.get("before").get("sha256").asText())
                    .isEqualTo(CertificateDecoder.thumbprint("SHA-256", expired.certificate().getEncoded()));
            String served = new ListenerCertificateReader(ProbeOptions.defaults()).read(Target.of("127.0.0.1", server.port()))
                    .sha256();
            assertThat(renewed.get("after").get("sha256").asText()).isEqualTo(served);
            assertThat(renewed.get("steps").toString()).contains("verified: ");
            assertThat(output).as("the progress is on standard error").contains("  [1] ", "APPLIED: ");

            StringWriter second = new StringWriter();
            assertThat(run(new RenewCertCommand(), second, args)).startsWith("0\n");
            assertThat(new ObjectMapper().readTree(second.toString()).get("action").asText()).isEqualTo("NOT_NEEDED");
        }
    }

    @Test
    void renewWithAnEcKeyIsServedFromTheWire() throws Exception {
        try (XrdpServer server = XrdpServer.builder().certificate(TestPki.selfSigned(CertificateSpec.valid())).start()) {
            StringWriter out = new StringWriter();
            String output = run(new RenewCertCommand(), out, "--xrdp", "--json", "--force", "--key-type", "ec",
                    "--config", server.iniFile().toString(), "--state-dir", state.resolve("s").toString(), "--no-restart");

            assertThat(output).startsWith("0\n");
            JsonNode renewed = new ObjectMapper().readTree(out.toString());
            assertThat(renewed.get("action").asText()).isEqualTo("RENEWED");
            assertThat(renewed.get("after").get("keyAlgorithm").asText()).isEqualTo("EC");
            assertThat(renewed.get("after").get("keyBits").asInt()).isEqualTo(256);
            assertThat(renewed.get("after").get("sha256").asText()).isEqualTo(served(server.port()));
        }
    }

    @Test
    void pemPairIsInstalledAndAMismatchedPairIsRefusedWithNothingChanged() throws Exception {
        MintedCertificate current = TestPki.selfSigned(CertificateSpec.valid());
        try (XrdpServer server = XrdpServer.builder().certificate(current).start()) {
            MintedCertificate mismatched = TestPki.mismatchedKeyPair();
            mismatched.writePem(state.resolve("bad-cert.pem"), state.resolve("bad-key.pem"));
            String refused = run(new RenewCertCommand(), new StringWriter(), "--xrdp", "--cert",
                    state.resolve("bad-cert.pem").toString(), "--key", state.resolve("bad-key.pem").toString(),
                    "--config", server.iniFile().toString(), "--state-dir", state.resolve("s").toString(), "--no-restart");
            assertThat(refused).doesNotStartWith("0\n").contains("match");
            assertThat(served(server.port())).isEqualTo(thumbprint(current));

            MintedCertificate wanted = TestPki.caSignedChain(CertificateSpec.valid());
            wanted.writePem(state.resolve("cert.pem"), state.resolve("key.pem"));
            String[] install = {"--xrdp", "--json", "--cert", state.resolve("cert.pem").toString(), "--key",
                state.resolve("key.pem").toString(), "--config", server.iniFile().toString(), "--state-dir",
                state.resolve("s").toString(), "--no-restart"};
            StringWriter out = new StringWriter();
            assertThat(run(new RenewCertCommand(), out, install)).startsWith("0\n");
            JsonNode installed = new ObjectMapper().readTree(out.toString());
            assertThat(installed.get("action").asText()).isEqualTo("INSTALLED");
            assertThat(installed.get("after").get("sha256").asText()).isEqualTo(thumbprint(wanted))
                    .isEqualTo(served(server.port()));
            assertThat(Files.readString(server.certFile())).as("the chain is installed, leaf first")
                    .contains(wanted.certificatePem().strip());
        }
    }

    private static String served(int port) throws Exception {
        return new ListenerCertificateReader(ProbeOptions.defaults()).read(Target.of("127.0.0.1", port)).sha256();
    }

    private static String thumbprint(MintedCertificate minted) throws Exception {
        return CertificateDecoder.thumbprint("SHA-256", minted.certificate().getEncoded());
    }
}
