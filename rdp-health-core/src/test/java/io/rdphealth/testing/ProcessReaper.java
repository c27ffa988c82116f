package io.rdphealth.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Kills process trees started by the fixture: on {@code close()} of a server and, as a safety net,
 * from one JVM shutdown hook for whatever a failed test left running. The set of live processes
 * is the one piece of JVM-wide mutable state of the fixture; it lives only here.
 *
 * <p>A shutdown hook does not run when the JVM is SIGKILLed (e.g. surefire killing a hung fork),
 * so servers are started under a small {@code /bin/sh} watchdog ({@link #withWatchdog}): it
 * holds the JVM's end of a pipe and sends SIGTERM to the server when that pipe closes, which the
 * kernel does however the JVM ends.
 */
final class ProcessReaper {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Thread hook = new Thread(ProcessReaper::killAllRegistered, "rdp-health-fixture-reaper");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private ProcessReaper() {
    }

    /**
     * The server runs as a background child of sh; a second child reads the JVM's pipe (fd 3 = the
     * original stdin, since asynchronous lists get /dev/null) and TERMs the server at end of file.
     * When the server exits first, sh stops the watcher, so no late kill can hit a reused pid.
     */
    private static final String WATCHDOG = String.join("\n",
            "exec 3<&0",
            "\"$@\" </dev/null 3<&- &",
            "server=$!",
            "{ cat <&3 >/dev/null 2>&1; kill -TERM \"$server\" 2>/dev/null; } &",
            "watcher=$!",
            "exec 3<&-",
            "wait \"$server\"; status=$?",
            "kill \"$watcher\" 2>/dev/null",
            "wait \"$watcher\" 2>/dev/null",
            "exit $status");

    /** {@code command} wrapped in the watchdog; start it with stdin as a pipe (ProcessBuilder's default). */
    static List<String> withWatchdog(List<String> command) {
        List<String> wrapped = new ArrayList<>(List.of("/bin/sh", "-c", WATCHDOG, "rdphealth-watchdog"));
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * The server process inside a watchdog: the child of {@code wrapper} running {@code program}
     * (after any setpriv exec). Falls back to the wrapper when it cannot be told apart.
     */
    static ProcessHandle serverOf(Process wrapper, java.nio.file.Path program) {
        String wanted;
        try {
            wanted = program.toRealPath().toString();
        } catch (java.io.IOException e) {
            wanted = program.toString();
        }
        String target = wanted;
        return wrapper.children()
                .filter(child -> child.info().command().map(target::equals).orElse(false))
                .findFirst().orElse(wrapper.toHandle());
    }

    /** Tracks {@code process} until {@link #kill} is called on it. */
    static Process register(Process process) {
        LIVE.add(process);
        return process;
    }

    /**
     * Ends {@code process} (a watchdog wrapper) and all its descendants. First the orderly way:
     * closing the wrapper's stdin makes the watchdog TERM the server, and the wrapper reaps it and
     * exits. Children must be reaped by their parent: if the wrapper were killed first, the server
     * would become a zombie of PID 1, which here reaps only every second or two. If the wrapper is
     * not gone within {@code grace}, every process of the tree gets SIGTERM, then SIGKILL.
     * Returns whether all are gone.
     */
    static boolean kill(Process process, Duration grace) {
        LIVE.remove(process);
        List<ProcessHandle> tree = new ArrayList<>();
        process.descendants().forEach(tree::add);
        tree.add(process.toHandle());
        try {
            process.getOutputStream().close();
        } catch (java.io.IOException e) {
            // already closed
        }
        if (!waitFor(process, grace)) {
            tree.forEach(ProcessHandle::destroy);
            long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            tree.forEach(handle -> waitUntilGone(handle, deadline));
            tree.stream().filter(handle -> !isGone(handle)).forEach(ProcessHandle::destroyForcibly);
            long hardDeadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            tree.forEach(handle -> waitUntilGone(handle, hardDeadline));
            waitFor(process, Duration.ofSeconds(1));
        }
        tree.forEach(handle -> waitUntilGone(handle, System.nanoTime() + Duration.ofSeconds(1).toNanos()));
        return tree.stream().allMatch(ProcessReaper::isGone);
    }

    /** Waits for (and reaps) the JVM's own child. */
    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /**
     * Whether a process has ended. A zombie (ended, not yet reaped by a parent that is not ours)
     * counts as ended: it runs no code and holds no port.
     */
    static boolean isGone(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return true;
        }
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(handle.pid()), "stat"));
            int afterName = stat.lastIndexOf(')');
            return afterName > 0 && stat.length() > afterName + 2 && stat.charAt(afterName + 2) == 'Z';
        } catch (java.io.IOException e) {
            return true; // no /proc entry: gone
        }
    }

    private static void waitUntilGone(ProcessHandle handle, long deadlineNanos) {
        while (!isGone(handle) && System.nanoTime() < deadlineNanos) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void killAllRegistered() {
        for (Process process : List.copyOf(LIVE)) {
            kill(process, Duration.ofSeconds(1));
        }
    }
}
