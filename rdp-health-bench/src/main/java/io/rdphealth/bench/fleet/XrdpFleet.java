package io.rdphealth.bench.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code size} real xrdp 0.9.21 servers ({@code xrdp --nodaemon}, {@code fork=false},
 * security_layer=negotiate, TLS 1.2/1.3, one shared self-signed 2048-bit certificate) on the
 * contiguous 127.0.0.1 ports {@code basePort .. basePort+size-1}, their files and logs on tmpfs
 * ({@code /dev/shm}) where there is one. {@link #close()} kills them all and deletes their directory.
 */
final class XrdpFleet implements AutoCloseable {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final Path directory;
    private final int basePort;
    private final List<Process> processes;

    private XrdpFleet(Path directory, int basePort, List<Process> processes) {
        this.directory = directory;
        this.basePort = basePort;
        this.processes = processes;
    }

    static XrdpFleet start(int size, int basePort) throws IOException, InterruptedException {
        for (int port = basePort; port < basePort + size; port++) {
            if (port == 3389) {
                throw new IllegalArgumentException("the fleet never uses port 3389");
            }
            requireFree(port);
        }
        // xrdp opens its log O_SYNC and logs ERROR lines for every connection a probe ends early: on
        // a disk each line is a synchronous write (29 % of xrdp's CPU samples, 12.4 ms of server CPU
        // per assessment instead of 8.0 ms). On tmpfs the fleet's own logging stops competing with
        // the tools for the two cores.
        Path shm = Path.of("/dev/shm");
        Path directory = Files.isDirectory(shm) && Files.isWritable(shm)
                ? Files.createTempDirectory(shm, "rdphealth-fleet-") : Files.createTempDirectory("rdphealth-fleet-");
        Path cert = directory.resolve("cert.pem");
        Path key = directory.resolve("key.pem");
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=localhost",
                "-keyout", key.toString(), "-out", cert.toString()));
        List<Process> processes = new ArrayList<>();
        XrdpFleet fleet = new XrdpFleet(directory, basePort, processes);
        try {
            for (int i = 0; i < size; i++) {
                int port = basePort + i;
                Path server = Files.createDirectories(directory.resolve(Integer.toString(port)));
                Path ini = server.resolve("xrdp.ini");
                Files.writeString(ini, String.join("\n",
                        "[Globals]", "ini_version=1", "fork=false", "port=tcp://.:" + port, "use_vsock=false",
                        "tcp_nodelay=true", "tcp_keepalive=false", "security_layer=negotiate", "crypt_level=high",
                        "certificate=" + cert, "key_file=" + key, "ssl_protocols=TLSv1.2, TLSv1.3",
                        "[Logging]", "LogFile=" + server.resolve("xrdp.log"), "LogLevel=ERROR", "EnableSyslog=false",
                        "EnableConsole=false", ""));
                processes.add(new ProcessBuilder("xrdp", "--nodaemon", "--config", ini.toString())
                        .directory(server.toFile()).redirectErrorStream(true)
                        .redirectOutput(server.resolve("console.log").toFile()).start());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60 + size / 10);
            for (int i = 0; i < size; i++) {
                while (!accepts(basePort + i)) {
                    if (!processes.get(i).isAlive()) {
                        throw new IllegalStateException("xrdp on port " + (basePort + i) + " exited: "
                                + Files.readString(directory.resolve(Integer.toString(basePort + i)).resolve("console.log")));
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("xrdp on port " + (basePort + i) + " not listening in time");
                    }
                    Thread.sleep(20);
                }
            }
            return fleet;
        } catch (IOException | InterruptedException | RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    int basePort() {
        return basePort;
    }

    int size() {
        return processes.size();
    }

    /**
     * User + system CPU all servers have used so far (from /proc): the servers share the tools'
     * cores, so what a tool makes them do is part of its wall time.
     */
    double cpuSeconds() {
        double total = 0;
        for (Process process : processes) {
            double seconds = ProcessCpu.seconds(process.pid());
            total += Double.isNaN(seconds) ? 0 : seconds;
        }
        return total;
    }

    /** Resident memory of all servers together, in MiB (from /proc). */
    long residentMegabytes() {
        long kib = 0;
        for (Process process : processes) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        kib += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException e) {
                // the process is gone: nothing resident
            }
        }
        return kib / 1024;
    }

    @Override
    public void close() {
        // SIGTERM to all, one shared grace period, then SIGKILL to whatever is left (an xrdp
        // stuck in a connection can ignore TERM; waiting 5 s for each of 1000 would take minutes).
        processes.forEach(Process::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Process process : processes) {
            try {
                process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        processes.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
        for (Process process : processes) {
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireFree(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port));
        } catch (IOException e) {
            throw new IOException("port " + port + " is taken; choose another --base-port", e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("failed: " + String.join(" ", command));
        }
    }
}
