package io.rdphealth.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The running part of a fixture server (xrdp or freerdp-shadow-cli): the watchdog wrapper (see
 * {@link ProcessReaper#withWatchdog}), the server process inside it, its temporary directory and
 * its log. Closing ends the whole tree, waits for it and deletes the directory; idempotent.
 */
final class ServerProcess implements AutoCloseable {
    private final Process wrapper;
    private final ProcessHandle server;
    private final Path directory;
    private final Path logFile;
    private volatile boolean closed;

    ServerProcess(Process wrapper, ProcessHandle server, Path directory, Path logFile) {
        this.wrapper = wrapper;
        this.server = server;
        this.directory = directory;
        this.logFile = logFile;
    }

    Path directory() {
        return directory;
    }

    Path logFile() {
        return logFile;
    }

    List<String> logLines() {
        return Executables.readLines(logFile);
    }

    boolean logContains(String text) {
        return logLines().stream().anyMatch(line -> line.contains(text));
    }

    long pid() {
        return server.pid();
    }

    boolean isAlive() {
        return wrapper.isAlive();
    }

    ProcessHandle handle() {
        return server;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ProcessReaper.kill(wrapper, Duration.ofSeconds(3));
        Executables.deleteTree(directory);
    }
}
