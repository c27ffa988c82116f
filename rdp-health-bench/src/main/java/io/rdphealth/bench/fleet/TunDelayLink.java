package io.rdphealth.bench.fleet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark's latency model: a point-to-point IP link {@value #SERVER_ADDRESS} &lt;-&gt;
 * {@value #CLIENT_ADDRESS} between the servers' network namespace and a client namespace, with a
 * fixed one-way delay per direction, made by ONE single-threaded native process ({@code tundelay},
 * {@code src/main/c/tundelay.c}: two tun devices, a FIFO per direction). It replaces one in-JVM
 * {@code DelayingProxy} per target, whose ~3 threads per connection could not keep up at 1000
 * targets. Because it delays packets, not TCP streams, the TCP handshake pays the round trip too,
 * and its CPU is its own process's, measured apart from the probe ({@link #cpuSeconds()}).
 *
 * <p>Both namespaces must exist and be ours ({@code scripts/bench-fleet.sh} creates them); nothing
 * here touches the host's namespace. The tun devices vanish when the process exits.
 */
final class TunDelayLink implements AutoCloseable {
    static final String SERVER_ADDRESS = "10.77.0.1";
    static final String CLIENT_ADDRESS = "10.77.0.2";
    private static final String SERVER_DEVICE = "rbsrv";
    private static final String CLIENT_DEVICE = "rbcli";

    private static final String NAT_TABLE = "rdpbench_link";

    private final Process process;
    private final Path errors;
    private final Duration oneWayDelay;
    private final String serverNetns;
    private String statistics = "";

    private TunDelayLink(Process process, Path errors, Duration oneWayDelay, String serverNetns) {
        this.process = process;
        this.errors = errors;
        this.oneWayDelay = oneWayDelay;
        this.serverNetns = serverNetns;
    }

    /**
     * Starts the link. {@code serverNetns} null means the current namespace (the benchmark runs
     * inside the servers' namespace); {@code clientNetns} is the name of the client's namespace.
     */
    static TunDelayLink start(Path binary, Duration oneWayDelay, String serverNetns, String clientNetns)
            throws IOException, InterruptedException {
        if (oneWayDelay.isNegative()) {
            throw new IllegalArgumentException("negative delay " + oneWayDelay);
        }
        Path errors = Files.createTempFile("tundelay-", ".err");
        List<String> command = new ArrayList<>(inNamespace(serverNetns));
        command.addAll(List.of(binary.toString(), Long.toString(oneWayDelay.toNanos() / 1000), SERVER_DEVICE,
                "/run/netns/" + clientNetns, CLIENT_DEVICE));
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        TunDelayLink link = new TunDelayLink(process, errors, oneWayDelay, serverNetns);
        try {
            link.awaitReady();
            ip(serverNetns, "addr add " + SERVER_ADDRESS + "/30 dev " + SERVER_DEVICE);
            ip(serverNetns, "link set " + SERVER_DEVICE + " up");
            ip(clientNetns, "link set lo up");
            ip(clientNetns, "addr add " + CLIENT_ADDRESS + "/30 dev " + CLIENT_DEVICE);
            ip(clientNetns, "link set " + CLIENT_DEVICE + " up");
            return link;
        } catch (IOException | InterruptedException | RuntimeException e) {
            link.close();
            throw e;
        }
    }

    /**
     * Makes 127.0.0.1 ports {@code lo..hi} of the server namespace reachable from the client as
     * {@value #SERVER_ADDRESS}{@code :port}: a DNAT of what arrives on the link to loopback
     * ({@code route_localnet} on the link device only), so the servers keep listening on 127.0.0.1
     * alone. Undone by {@link #close()}.
     */
    void forwardToLoopback(int lo, int hi) throws IOException, InterruptedException {
        List<String> sysctl = new ArrayList<>(inNamespace(serverNetns));
        sysctl.addAll(List.of("sysctl", "-q", "-w", "net.ipv4.conf." + SERVER_DEVICE + ".route_localnet=1"));
        run(sysctl);
        nft("add table ip " + NAT_TABLE);
        nft("add chain ip " + NAT_TABLE + " pre { type nat hook prerouting priority dstnat ; }");
        nft("add rule ip " + NAT_TABLE + " pre iifname " + SERVER_DEVICE + " tcp dport " + lo + "-" + hi
                + " dnat to 127.0.0.1");
    }

    /** {@code ip netns exec NAME} or nothing for the current namespace. */
    static List<String> inNamespace(String netns) {
        return netns == null ? List.of() : List.of("ip", "netns", "exec", netns);
    }

    private void awaitReady() throws IOException, InterruptedException {
        InputStream out = process.getInputStream();
        StringBuilder line = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            while (out.available() > 0) {
                int c = out.read();
                if (c == '\n') {
                    if (line.toString().equals("ready")) {
                        return;
                    }
                    line.setLength(0);
                } else if (line.length() < 200) {
                    line.append((char) c);
                }
            }
            if (!process.isAlive()) {
                throw new IOException("tundelay exited " + process.exitValue() + ": " + Files.readString(errors).strip());
            }
            Thread.sleep(10);
        }
        throw new IOException("tundelay not ready within 10 s");
    }

    Duration oneWayDelay() {
        return oneWayDelay;
    }

    long pid() {
        return process.pid();
    }

    /** User + system CPU the link process has used so far (from /proc), or NaN when it is gone. */
    double cpuSeconds() {
        return ProcessCpu.seconds(process.pid());
    }

    /** The process's closing statistics (packets forwarded and dropped), after {@link #close()}. */
    String statistics() {
        return statistics;
    }

    @Override
    public void close() {
        if (!statistics.isEmpty()) {
            return; // closed already
        }
        try {
            nft("delete table ip " + NAT_TABLE);
        } catch (IOException e) {
            // there was no forwarding
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroy(); // SIGTERM: it prints its statistics and exits
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            statistics = "exit " + process.exitValue() + " " + Files.readString(errors).strip();
            Files.deleteIfExists(errors);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            statistics = "statistics unreadable: " + e.getMessage();
        }
    }

    private void nft(String arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(inNamespace(serverNetns));
        command.add("nft");
        command.addAll(List.of(arguments.split(" ")));
        run(command);
    }

    private static void ip(String netns, String arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("ip"));
        if (netns != null) {
            command.addAll(List.of("-n", netns));
        }
        command.addAll(List.of(arguments.split(" ")));
        run(command);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process ip = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(ip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ip.waitFor(10, TimeUnit.SECONDS) || ip.exitValue() != 0) {
            ip.destroyForcibly();
            throw new IOException(String.join(" ", command) + ": " + output.strip());
        }
    }
}
