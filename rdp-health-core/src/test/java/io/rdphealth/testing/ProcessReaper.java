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
 */
final class ProcessReaper {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Thread hook = new Thread(ProcessReaper::killAllRegistered, "rdp-health-fixture-reaper");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private ProcessReaper() {
    }

    /** Tracks {@code process} until {@link #kill} is called on it. */
    static Process register(Process process) {
        LIVE.add(process);
        return process;
    }

    /**
     * Terminates {@code process} and all its descendants: SIGTERM first, SIGKILL for whatever is
     * still alive after {@code grace}, then waits (bounded) for every one of them to be gone.
     * Returns whether all are gone.
     */
    static boolean kill(Process process, Duration grace) {
        LIVE.remove(process);
        List<ProcessHandle> tree = new ArrayList<>();
        process.descendants().forEach(tree::add);
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            waitUntilGone(handle, deadline);
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        long hardDeadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (ProcessHandle handle : tree) {
            waitUntilGone(handle, hardDeadline);
        }
        try {
            // Reaps the direct child so that no zombie remains.
            process.waitFor(Math.max(0, hardDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return tree.stream().noneMatch(ProcessHandle::isAlive);
    }

    private static void waitUntilGone(ProcessHandle handle, long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0 || !handle.isAlive()) {
            return;
        }
        try {
            handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // timed out or failed: the caller escalates
        }
    }

    private static void killAllRegistered() {
        for (Process process : List.copyOf(LIVE)) {
            kill(process, Duration.ofSeconds(1));
        }
    }
}
