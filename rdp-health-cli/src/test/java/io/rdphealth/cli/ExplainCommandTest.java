package io.rdphealth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.testing.LoopbackPorts;
import io.rdphealth.testing.XrdpServer;
import io.rdphealth.testing.XrdpServer.SecurityLayer;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code rdphealth explain} end to end: arguments in, text and exit code out. Runs the command
 * through picocli on its own ({@code RdpHealthCommand} does not list it yet); probes hit a real
 * xrdp and a closed loopback port.
 */
class ExplainCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = new CommandLine(new ExplainCommand());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void explains0x904And0x7WithNamesCausesAndChecks() {
        assertThat(run("0x904", "0x7")).isEqualTo(ExitCodes.HEALTHY);
        assertThat(out.toString())
                .contains("0x904 (2308)  disconnectReasonAtClientWinsockFDCLOSE: the socket was closed")
                .contains("extended 0x7 (7)  exDiscReasonServerDeniedConnection")
                .contains("ERRINFO_SERVER_DENIED_CONNECTION")
                .contains("NEG_CERT_NOT_ON_SERVER", "TLS_HANDSHAKE_FAILED", "CERT_KEY_ACCESS_DENIED", "XRDP_KEY_UNREADABLE")
                .contains("rdphealth check HOST", "rdphealth inspect --windows", "rdphealth inspect --xrdp", "--gateway");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void decimalCodesWork() {
        assertThat(run("264")).isEqualTo(ExitCodes.HEALTHY);
        assertThat(out.toString()).contains("disconnectReasonConnectionTimedOut").contains("TCP_TIMEOUT");
    }

    @Test
    void unknownOrMalformedCodesExitWithTheUsageCode() {
        assertThat(run("904")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("did you mean 0x904");
        assertThat(out.toString()).isEmpty();

        assertThat(run("0x904", "0x12345")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("EXTENDED 0x12345");

        assertThat(run("-5")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("negative");

        assertThat(run("0x904", "0x7", "--target", "[::1")).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void withTargetSaysWhichCauseHoldsOnARealServer() {
        try (XrdpServer server = XrdpServer.builder().securityLayer(SecurityLayer.TLS).keyUnreadableByServer(true).start()) {
            int exit = run("0x904", "0x7", "--target", "127.0.0.1:" + server.port(), "--timeout", "8");
            assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.ERRORS);
            assertThat(out.toString())
                    .contains("fails at X.224 security negotiation")
                    .contains("cause that holds: NEG_CERT_NOT_ON_SERVER (")
                    .containsPattern("ruled out:\\R(.*\\R)*  TLS_HANDSHAKE_FAILED")
                    .containsPattern("still open:\\R(.*\\R)*  XRDP_KEY_UNREADABLE .*run: rdphealth inspect --xrdp");
        }
    }

    @Test
    void withAClosedPortTheRefusalHoldsAndCertificateCausesAreRuledOut() {
        int exit = run("0x904", "0x7", "--target", "127.0.0.1", "--port", String.valueOf(LoopbackPorts.freePort()));
        assertThat(exit).isEqualTo(ExitCodes.ERRORS);
        assertThat(out.toString())
                .contains("fails at TCP connect")
                .contains("holds, though not a usual cause of this code: TCP_REFUSED")
                .containsPattern("  NEG_CERT_NOT_ON_SERVER +the connection already fails at TCP connect");
    }
}
