package io.rdphealth.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one Xvfb that all {@link ShadowServer}s of a test JVM share (freerdp-shadow-cli needs an X
 * display; one Xvfb per server would cost a second each). Started lazily on first use with
 * {@code -displayfd}, so Xvfb itself picks a free display number and tells us when it is ready;
 * {@code -nolisten tcp} keeps it off the network. Stopped by the fixture's shutdown hook at JVM
 * exit. This holder is the only place of that JVM-wide state.
 */
public final class SharedXvfb {
    private static final Duration STARTUP = Duration.ofSeconds(15);
    private static Process process;
    private static String display;

    private SharedXvfb() {
    }

    /** The DISPLAY value (e.g. {@code ":1"}) of the shared Xvfb, starting it if needed or if it died. */
    public static synchronized String display() {
        if (process != null && process.isAlive()) {
            return display;
        }
        start();
        return display;
    }

    /** Whether the shared Xvfb is running (false before first use). */
    public static synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The pid of the shared Xvfb, or -1 when it is not running. */
    static synchronized long pid() {
        return process != null && process.isAlive() ? ProcessReaper.serverOf(process, Executables.require("Xvfb", "xvfb")).pid() : -1;
    }

    private static void start() {
        String xvfb = Executables.require("Xvfb", "xvfb").toString();
        // -noreset: without it Xvfb regenerates (closing and reopening its sockets) whenever its last
        // client disconnects, so a shadow server starting just as the previous one exits fails to
        // open the display (seen here intermittently).
        ProcessBuilder builder = new ProcessBuilder(ProcessReaper.withWatchdog(List.of(xvfb, "-displayfd", "1",
                "-nolisten", "tcp", "-noreset", "-screen", "0", "1024x768x24"))).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process started;
        try {
            started = ProcessReaper.register(builder.start());
        } catch (IOException e) {
            throw new ServerStartException("cannot start Xvfb", e);
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.US_ASCII));
        CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = number.get(STARTUP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            line = null;
        } catch (ExecutionException | TimeoutException e) {
            line = null;
        }
        if (line == null || !line.strip().matches("\\d+")) {
            ProcessReaper.kill(started, Duration.ofSeconds(2));
            throw new ServerStartException("Xvfb did not report a display within " + STARTUP.toSeconds() + " s (got " + line + ")");
        }
        int displayNumber = Integer.parseInt(line.strip());
        if (!acceptsX11(displayNumber, STARTUP)) {
            ProcessReaper.kill(started, Duration.ofSeconds(2));
            throw new ServerStartException("Xvfb reported display :" + displayNumber
                    + " but completed no X11 connection setup within " + STARTUP.toSeconds() + " s");
        }
        process = started;
        display = ":" + displayNumber;
    }

    /**
     * Polls until the X server on display {@code number} completes an X11 connection setup. Seen
     * here: the first client right after {@code -displayfd} answered sometimes failed to open the
     * display while later ones succeeded, so the reported number alone is not readiness.
     */
    private static boolean acceptsX11(int number, Duration within) {
        Path socket = Path.of("/tmp/.X11-unix/X" + number);
        long end = System.nanoTime() + within.toNanos();
        // Connection setup, little-endian: byte order 'l', unused, protocol 11.0, no authorization.
        byte[] setup = {'l', 0, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        while (System.nanoTime() < end) {
            try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                channel.connect(UnixDomainSocketAddress.of(socket));
                channel.write(ByteBuffer.wrap(setup));
                ByteBuffer answer = ByteBuffer.allocate(1);
                if (channel.read(answer) == 1 && answer.get(0) == 1) { // 1 = Success
                    return true;
                }
            } catch (IOException notYet) {
                // no socket yet, or refused: poll again
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
