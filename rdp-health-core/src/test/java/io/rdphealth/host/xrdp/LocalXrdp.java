package io.rdphealth.host.xrdp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real xrdp 0.9 ({@code xrdp --nodaemon --config}) on a free 127.0.0.1 port, run as the
 * unprivileged {@code xrdp} user via setpriv (so key permissions matter as in production).
 * Interim launcher for this package's tests until the shared {@code io.rdphealth.testing.XrdpServer}
 * fixture is on main; it writes the ini into {@code dir} and kills the process on close.
 */
final class LocalXrdp implements AutoCloseable {
    private final Process process;
    final int port;
    final Path ini;
    final Path log;

    private LocalXrdp(Process process, int port, Path ini, Path log) {
        this.process = process;
        this.port = port;
        this.ini = ini;
        this.log = log;
    }

    /** Writes {@code dir/xrdp.ini} naming the given files and starts xrdp as user xrdp. */
    static LocalXrdp start(Path dir, Path cert, Path key, String securityLayer) throws IOException {
        int port = freePort();
        Path ini = dir.resolve("xrdp.ini");
        Path log = dir.resolve("xrdp.log");
        Files.writeString(ini, String.join("\n",
                "[Globals]", "port=tcp://.:" + port, "security_layer=" + securityLayer,
                "certificate=" + cert, "key_file=" + key, "fork=false", "ssl_protocols=TLSv1.2, TLSv1.3",
                "[Logging]", "LogFile=" + log, "LogLevel=INFO", "EnableSyslog=false", ""));
        Files.createFile(log);
        Files.setAttribute(log, "unix:uid", 102);
        Files.setAttribute(dir, "unix:mode", 0755);
        Process process = new ProcessBuilder("setpriv", "--reuid", "xrdp", "--regid", "xrdp", "--init-groups",
                "/usr/sbin/xrdp", "--nodaemon", "--config", ini.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("console.txt").toFile()).start();
        LocalXrdp server = new LocalXrdp(process, port, ini, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return server;
            } catch (IOException e) {
                if (!process.isAlive()) {
                    break;
                }
                sleep(20);
            }
        }
        server.close();
        throw new IOException("xrdp did not listen on " + port + ": "
                + Files.readString(dir.resolve("console.txt"), StandardCharsets.UTF_8));
    }

    long pid() {
        return process.pid();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
