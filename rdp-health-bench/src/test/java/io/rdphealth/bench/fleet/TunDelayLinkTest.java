package io.rdphealth.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's latency model, {@link TunDelayLink} with the native {@code tundelay}, between
 * two network namespaces this test creates and deletes (root, {@code ip} and {@code gcc} needed,
 * otherwise skipped). The peers are {@link LinkPeer} JVMs, one in each namespace.
 */
class TunDelayLinkTest {
    private static final int PORT = 21999;
    private static final String SERVER_NS = "rdptd-" + ProcessHandle.current().pid() + "-s";
    private static final String CLIENT_NS = "rdptd-" + ProcessHandle.current().pid() + "-c";
    private static Path binary;

    @BeforeAll
    static void namespacesAndBinary(@TempDir Path directory) throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root (network namespaces)");
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip")), "needs ip");
        binary = directory.resolve("tundelay");
        assumeTrue(run(List.of("gcc", "-O2", "-Wall", "-Werror", "-o", binary.toString(), "src/main/c/tundelay.c")) == 0,
                "needs gcc");
        assertThat(run(List.of("ip", "netns", "add", SERVER_NS))).isZero();
        assertThat(run(List.of("ip", "netns", "add", CLIENT_NS))).isZero();
        assertThat(run(List.of("ip", "-n", SERVER_NS, "link", "set", "lo", "up"))).isZero();
    }

    @AfterAll
    static void deleteNamespaces() throws Exception {
        for (String netns : List.of(SERVER_NS, CLIENT_NS)) {
            run(List.of("ip", "netns", "delete", netns));
        }
    }

    @Test
    void handshakeAndEachExchangeCostARoundTripAndDataArrivesInOrderFollowedByTheClose() throws Exception {
        try (TunDelayLink link = TunDelayLink.start(binary, Duration.ofMillis(50), SERVER_NS, CLIENT_NS)) {
            link.forwardToLoopback(PORT, PORT);
            Map<String, Double> result = exchange(1, 256 * 1024);

            assertThat(result.get("connected")).isEqualTo(1);
            assertThat(result.get("intact")).as("256 KiB echoed byte for byte, in order").isEqualTo(1);
            assertThat(result.get("eof")).as("the half-close reached the server and its close came back").isEqualTo(1);
            assertThat(result.get("minConnectMs")).as("the SYN/SYN-ACK pays the round trip").isGreaterThanOrEqualTo(100);
            assertThat(result.get("minExchangeMs")).isGreaterThanOrEqualTo(100);
        }
    }

    @Test
    void oneSingleThreadedProcessCarriesThousandConcurrentConnections() throws Exception {
        try (TunDelayLink link = TunDelayLink.start(binary, Duration.ofMillis(25), SERVER_NS, CLIENT_NS)) {
            link.forwardToLoopback(PORT, PORT);
            String threads = Files.readAllLines(Path.of("/proc", Long.toString(link.pid()), "status")).stream()
                    .filter(line -> line.startsWith("Threads:")).findFirst().orElseThrow();
            Map<String, Double> result = exchange(1000, 8 * 1024);
            System.out.printf("1000 connections through one tundelay: %s; link CPU %.2f s%n", result, link.cpuSeconds());

            assertThat(threads).isEqualTo("Threads:\t1");
            assertThat(result.get("connected")).isEqualTo(1000);
            assertThat(result.get("intact")).isEqualTo(1000);
            assertThat(result.get("eof")).isEqualTo(1000);
            assertThat(result.get("minConnectMs")).isGreaterThanOrEqualTo(50);
            assertThat(result.get("minExchangeMs")).isGreaterThanOrEqualTo(50);
        }
    }

    /** Runs an echo server in the server namespace and the client in the client namespace. */
    private static Map<String, Double> exchange(int connections, int bytes) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        List<String> server = new ArrayList<>(TunDelayLink.inNamespace(SERVER_NS));
        server.addAll(List.of(java, "-cp", classpath, LinkPeer.class.getName(), "server", Integer.toString(PORT)));
        Process echo = new ProcessBuilder(server).redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(echo.getInputStream(), StandardCharsets.UTF_8));
            assertThat(lines.readLine()).isEqualTo("listening");
            List<String> client = new ArrayList<>(TunDelayLink.inNamespace(CLIENT_NS));
            client.addAll(List.of(java, "-cp", classpath, LinkPeer.class.getName(), "client", TunDelayLink.SERVER_ADDRESS,
                    Integer.toString(PORT), Integer.toString(connections), Integer.toString(bytes)));
            Process peer = new ProcessBuilder(client).redirectErrorStream(true).start();
            try {
                String output = new String(peer.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                assertThat(peer.waitFor(90, TimeUnit.SECONDS)).isTrue();
                Map<String, Double> result = new HashMap<>();
                for (String field : output.lines().reduce((a, b) -> b).orElse("").split(" ")) {
                    String[] pair = field.split("=");
                    assertThat(pair).as("client output: %s", output).hasSize(2);
                    result.put(pair[0], Double.parseDouble(pair[1]));
                }
                return result;
            } finally {
                peer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            echo.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Exit code, or -1 when the command is missing or hangs. */
    private static int run(List<String> command) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return -1;
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
