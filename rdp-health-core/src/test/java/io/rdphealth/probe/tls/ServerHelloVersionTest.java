package io.rdphealth.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdphealth.evidence.TlsVersion;
import io.rdphealth.probe.net.Deadline;
import io.rdphealth.probe.net.PeerConnection;
import io.rdphealth.testing.CertificateSpec;
import io.rdphealth.testing.LoopbackPorts;
import io.rdphealth.testing.TestPki;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The version scan's early stop against a real TLS server, {@code openssl s_server -msg} on a
 * free loopback port (it prints every TLS message it receives): the version is read from the
 * ServerHello and the client sends no alert (an alert would make Windows log Schannel event 36887
 * for each probe); a refused version is an error.
 */
class ServerHelloVersionTest {
    @TempDir
    Path dir;

    private Process server(int port, String versionFlag) throws IOException {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        TestPki.selfSigned(CertificateSpec.valid()).writePem(cert, key);
        return new ProcessBuilder("openssl", "s_server", "-accept", "127.0.0.1:" + port, "-cert", cert.toString(), "-key",
                key.toString(), versionFlag, "-msg", "-naccept", "1", "-quiet")
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
    }


    private TlsVersion ask(int port, TlsVersion version) throws IOException {
        try (PeerConnection connection = PeerConnection.open(InetAddress.getLoopbackAddress(), port,
                Deadline.after(Duration.ofSeconds(5)), Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            return TlsChannel.serverHelloVersion(connection, EnumSet.of(version), "localhost", new SecureRandom());
        }
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("server.log"), StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsTheVersionAndSendsNoAlert() throws Exception {
        int port = LoopbackPorts.freePort();
        Process server = server(port, "-tls1_2");
        try {
            // s_server -naccept 1 serves one connection: the readiness check must not use it up.
            awaitListeningWithoutConnecting(server, port);
            assertThat(ask(port, TlsVersion.TLS_1_2)).isEqualTo(TlsVersion.TLS_1_2);
            assertThat(server.waitFor(10, TimeUnit.SECONDS)).as("s_server ends after its one connection").isTrue();
            String log = log();
            assertThat(log).contains("ClientHello")
                    .contains(">>> TLS 1.2, Handshake [length").contains("ServerHello");
            assertThat(List.of(log.split("\n"))).as("no alert received by the server")
                    .noneMatch(line -> line.startsWith("<<<") && line.contains("Alert"));
        } finally {
            server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRefusedVersionIsAnError() throws Exception {
        int port = LoopbackPorts.freePort();
        Process server = server(port, "-tls1_2");
        try {
            awaitListeningWithoutConnecting(server, port);
            assertThatThrownBy(() -> ask(port, TlsVersion.TLS_1_0)).isInstanceOf(IOException.class);
        } finally {
            server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Polls the listening sockets in /proc instead of connecting (s_server serves one connection). */
    private static void awaitListeningWithoutConnecting(Process server, int port) throws Exception {
        String hexPort = String.format(":%04X ", port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("openssl s_server exited");
            }
            for (String line : Files.readAllLines(Path.of("/proc/net/tcp"))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[1].endsWith(hexPort.trim()) && fields[3].equals("0A")) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("openssl s_server not listening in time");
    }
}
