package io.rdphealth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.report.ReportJson;
import io.rdphealth.report.RunReport;
import io.rdphealth.testing.CertificateSpec;
import io.rdphealth.testing.TestPki;
import io.rdphealth.testing.XrdpServer;
import io.rdphealth.testing.gateway.FakeRdGateway;
import io.rdphealth.testing.gateway.NtlmStandIn;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rdphealth check} end to end against real xrdp servers, through the command's own entry point. */
class CheckCommandTest {
    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = RdpHealthCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void exitCodeFollowsTheWorstFinding() throws Exception {
        try (XrdpServer warning = XrdpServer.builder().securityLayer(XrdpServer.SecurityLayer.NEGOTIATE)
                .certificate(TestPki.selfSigned(CertificateSpec.valid())).start();
                XrdpServer expired = XrdpServer.builder().certificate(TestPki.selfSigned(CertificateSpec.expired())).start()) {
            Run ok = run("check", "127.0.0.1:" + warning.port(), "--timeout", "5");
            assertThat(ok.exit()).isEqualTo(ExitCodes.WARNINGS);
            assertThat(ok.out()).contains("LEGACY_RDP_SECURITY_ALLOWED", "WARNING");

            Run bad = run("check", "127.0.0.1:" + expired.port(), "--timeout", "5");
            assertThat(bad.exit()).isEqualTo(ExitCodes.ERRORS);
            assertThat(bad.out()).contains("CERT_EXPIRED");

            Run lowered = run("check", "127.0.0.1:" + warning.port(), "--severity", "LEGACY_RDP_SECURITY_ALLOWED=INFO",
                    "--severity", "NLA_NOT_REQUIRED=INFO", "--severity", "CERT_UNTRUSTED=INFO", "--timeout", "5");
            assertThat(lowered.exit()).isEqualTo(ExitCodes.HEALTHY);
        }
    }

    @Test
    void jsonOutputIsTheDocumentedReport() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Run json = run("check", "--json", "127.0.0.1:" + closed);
        assertThat(json.exit()).isEqualTo(ExitCodes.ERRORS);
        RunReport report = new ReportJson().read(json.out());
        assertThat(report.targets().get(0).findings().get(0).id().name()).isEqualTo("TCP_REFUSED");
    }

    @Test
    void badTargetsAndOptionsAreUsageErrorsNamingTheProblem() {
        Run badTarget = run("check", "host:99999");
        assertThat(badTarget.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(badTarget.err()).contains("invalid target 'host:99999'").doesNotContain("Exception");

        Run badSeverity = run("check", "host", "--severity", "NOPE=INFO");
        assertThat(badSeverity.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(badSeverity.err()).contains("unknown finding ID 'NOPE'");

        Run badTimeout = run("check", "host", "--timeout", "-1");
        assertThat(badTimeout.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(badTimeout.err()).contains("--timeout");

        Run unknown = run("check", "host", "--frobnicate");
        assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("--frobnicate");

        Run none = run("check");
        assertThat(none.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("no target given");
    }

    @Test
    void hostInspectionNamesTheRootCause() {
        try (XrdpServer server = XrdpServer.builder().certificate(TestPki.selfSigned(CertificateSpec.valid()))
                .keyUnreadableByServer(true).start()) {
            Run run = run("check", "127.0.0.1:" + server.port(), "--inspect-host", "--xrdp-config",
                    server.iniFile().toString(), "--timeout", "5");
            assertThat(run.exit()).isEqualTo(ExitCodes.ERRORS);
            assertThat(run.out()).contains("root cause").contains("XRDP_KEY_UNREADABLE").contains("TLS_DOWNGRADED_TO_RDP");
            assertThat(run.out().indexOf("XRDP_KEY_UNREADABLE", run.out().indexOf("root cause")))
                    .isLessThan(run.out().lastIndexOf("TLS_DOWNGRADED_TO_RDP"));
        }
    }

    /** The gateway is the test stand-in (no RD Gateway runs on Linux); the targets are real xrdp. */
    @Test
    void gatewayFindingsJoinTheRunAndSecretsStayOut(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("password");
        Files.writeString(secret, "s3cr3t-value\n");
        try (FakeRdGateway gateway = FakeRdGateway.start(TestPki.selfSigned(CertificateSpec.valid()),
                FakeRdGateway.Behaviour.GATEWAY, List.of("Basic realm=\"rdg\""), null);
                XrdpServer server = XrdpServer.builder().certificate(TestPki.selfSigned(CertificateSpec.valid())).start()) {
            Run run = run("check", "--json", "127.0.0.1:" + server.port(), "--gateway", "127.0.0.1:" + gateway.port(),
                    "--gateway-user", "alice", "--gateway-password-file", secret.toString(), "--timeout", "5");
            RunReport report = new ReportJson().read(run.out());
            assertThat(report.gateway()).isNotNull();
            assertThat(report.gateway().findings()).extracting(f -> f.id().name()).contains("GATEWAY_AUTH_BASIC_ONLY");
            assertThat(run.out()).doesNotContain("s3cr3t-value");
            assertThat(run.err()).doesNotContain("s3cr3t-value");
        }
    }

    /**
     * NTLM through the CLI against the stand-in gateway and its stand-in NTLM account (no RD Gateway
     * or domain controller runs on Linux); the target is real xrdp.
     */
    @Test
    void gatewayPasswordGoesOverNtlmWhenOfferedAndNeverIntoOutput(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("password");
        Files.writeString(secret, "Ntlm-s3cr3t\n");
        NtlmStandIn account = new NtlmStandIn("CONTOSO", "alice", "Ntlm-s3cr3t".toCharArray());
        try (FakeRdGateway gateway = FakeRdGateway.startNtlm(TestPki.selfSigned(CertificateSpec.valid()),
                FakeRdGateway.Behaviour.GATEWAY, List.of("Negotiate", "NTLM", "Basic realm=\"rdg\""), account);
                XrdpServer server = XrdpServer.builder().certificate(TestPki.selfSigned(CertificateSpec.valid())).start()) {
            Run run = run("check", "--json", "127.0.0.1:" + server.port(), "--gateway", "127.0.0.1:" + gateway.port(),
                    "--gateway-user", "CONTOSO\\alice", "--gateway-password-file", secret.toString(), "--timeout", "5");
            RunReport report = new ReportJson().read(run.out());
            var evidence = report.gateway().evidence();
            assertThat(evidence.authentication().scheme()).isEqualTo("NTLM");
            assertThat(evidence.authentication().outcome().name()).isEqualTo("AUTHENTICATED");
            assertThat(evidence.ntlm().challenge().dnsComputer()).isEqualTo(NtlmStandIn.DNS_COMPUTER);
            assertThat(account.verdicts()).containsExactly("accepted CONTOSO\\alice");
            assertThat(gateway.requests()).noneSatisfy(r -> assertThat(r.header("Authorization")).startsWith("Basic"));
            String ntHash = java.util.HexFormat.of().formatHex(account.ntHash());
            assertThat(run.out() + run.err()).doesNotContain("Ntlm-s3cr3t").doesNotContainIgnoringCase(ntHash);

            Run badUser = run("check", "127.0.0.1:" + server.port(), "--gateway", "127.0.0.1:" + gateway.port(),
                    "--gateway-user", "A\\B\\c", "--gateway-password-file", secret.toString());
            assertThat(badUser.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(badUser.err()).contains("--gateway-user").doesNotContain("Ntlm-s3cr3t");
        }
    }

    @Test
    void reportDirGetsJsonJunitAndHtml(@TempDir Path dir) {
        try (XrdpServer server = XrdpServer.builder().certificate(TestPki.selfSigned(CertificateSpec.valid())).start()) {
            Run run = run("check", "-q", "127.0.0.1:" + server.port(), "--report-dir", dir.toString(),
                    "--history", dir.resolve("history").toString(), "--timeout", "5");
            assertThat(run.exit()).isEqualTo(ExitCodes.WARNINGS);
            assertThat(dir.resolve("report.json")).isNotEmptyFile();
            assertThat(dir.resolve("TEST-rdphealth.xml")).content().contains("<testsuite");
            assertThat(dir.resolve("report.html")).content().contains("<html");
            assertThat(dir.resolve("history")).isDirectoryContaining(p -> p.getFileName().toString().startsWith("run-"));
        }
    }
}
