package io.rdphealth.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

    private static void start() {
        String xvfb = Executables.require("Xvfb", "xvfb").toString();
        ProcessBuilder builder = new ProcessBuilder(xvfb, "-displayfd", "1", "-nolisten", "tcp",
                "-screen", "0", "1024x768x24").redirectError(ProcessBuilder.Redirect.DISCARD);
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
        process = started;
        display = ":" + line.strip();
    }
}
