package io.rdphealth.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.check.RdpHealthCheck;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.report.TargetResult;
import io.rdphealth.target.Target;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IPv6 literals are probed over IPv6; names can be probed at every address they resolve to. */
class AddressFamilyProbeTest {

    @Test
    void ipv6LiteralIsProbedOverIpv6() throws IOException {
        InetAddress v6 = InetAddress.getByName("::1");
        // A one-shot SSH banner on [::1]: shows the probe reached it over IPv6 and classified it.
        try (ServerSocket server = new ServerSocket(0, 5, v6)) {
            Thread banner = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                        out.write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        client.getInputStream().read(new byte[64]);
                    } catch (IOException closed) {
                        // the server socket closed at the end of the test, or the probe hung up
                    }
                }
            });
            banner.setDaemon(true);
            banner.start();
            Target target = Target.parse("[::1]:" + server.getLocalPort(), 3389);
            TargetResult result = new RdpHealthCheck(ProbeRun.fast().withScanTlsVersions(false), SeverityPolicy.defaults())
                    .run(List.of(target)).targets().get(0);
            assertThat(result.addresses()).extracting(a -> a.address()).containsExactly("0:0:0:0:0:0:0:1");
            assertThat(result.findings()).extracting(Finding::id).contains(FindingId.NOT_RDP);
        }
    }

    @Test
    void allAddressesProbesEachResolvedAddress() throws IOException {
        InetAddress[] resolved = InetAddress.getAllByName("localhost");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        TargetResult result = new RdpHealthCheck(ProbeRun.fast().withAllAddresses(true), SeverityPolicy.defaults())
                .run(List.of(Target.of("localhost", port))).targets().get(0);
        assertThat(result.dns().addresses()).hasSize(resolved.length);
        assertThat(result.addresses()).hasSize(resolved.length);
        assertThat(result.findings()).extracting(Finding::id).containsOnly(FindingId.TCP_REFUSED);
    }
}
