package io.rdphealth.fix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The safe-change discipline, platform-neutral. Everything that changes a host goes through a
 * {@link ChangeSession}: it holds the host lock, first undoes any run that a kill left
 * unfinished, then applies plans step by step with a durable journal and rolls them back when a
 * step (a verification included) fails.
 *
 * <p>Layout under the state directory: {@code host.lock}, {@code journal.jsonl} (only while a
 * plan runs or after a kill), {@code backups/<runId>/} (kept, so a person can always go back).
 * The directory and {@code backups/} are restricted to administrators by a
 * {@link StateDirectoryGuard} (by default {@link PosixStateDirectory}: 0700, owner only) when a
 * session opens, before the lock file or any backup is written.
 */
public final class ChangeRunner {
    private static final DateTimeFormatter RUN_ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path stateDir;
    private final Map<String, CompensationHandler> handlers = new HashMap<>();
    private final ChangeListener listener;
    private final Duration lockWait;
    private final Clock clock;
    private final StateDirectoryGuard guard;

    /**
     * @param stateDir  where the lock, the journal and the backups live (created when needed)
     * @param handlers  compensation handlers beyond the built-in {@link FileBackup}
     * @param listener  progress (and, in tests, fault injection)
     * @param lockWait  how long to wait for another change on this host to finish
     * @param guard     restricts the state directory to administrators when a session opens
     */
    public ChangeRunner(Path stateDir, List<CompensationHandler> handlers, ChangeListener listener, Duration lockWait,
                        Clock clock, StateDirectoryGuard guard) {
        this.stateDir = stateDir.toAbsolutePath();
        this.listener = listener;
        this.lockWait = lockWait;
        this.clock = clock;
        this.guard = java.util.Objects.requireNonNull(guard, "guard");
        register(new FileBackup());
        handlers.forEach(this::register);
    }

    /** With the POSIX state directory (0700, owner only). */
    public ChangeRunner(Path stateDir, List<CompensationHandler> handlers, ChangeListener listener, Duration lockWait,
                        Clock clock) {
        this(stateDir, handlers, listener, lockWait, clock, new PosixStateDirectory());
    }

    public ChangeRunner(Path stateDir, ChangeListener listener, Duration lockWait) {
        this(stateDir, List.of(), listener, lockWait, Clock.systemUTC());
    }

    private void register(CompensationHandler handler) {
        handlers.put(handler.kind(), handler);
    }

    public Path stateDir() {
        return stateDir;
    }

    public ChangeJournal journal() {
        return new ChangeJournal(stateDir.resolve("journal.jsonl"), clock);
    }

    /**
     * What recovery would undo, without locking or changing anything (for dry runs).
     *
     * @return descriptions of the steps an unfinished run may have applied, newest first; empty when none
     */
    public List<String> pendingRecovery() throws IOException {
        List<String> pending = new ArrayList<>();
        List<JournalEntry> entries = journal().read();
        for (int i = entries.size() - 1; i >= 0; i--) {
            JournalEntry entry = entries.get(i);
            if ("intent".equals(entry.event()) && !entry.compensation().isNone()) {
                pending.add(entry.description() + " (undo: " + describe(entry.compensation()) + ")");
            }
        }
        return pending;
    }

    /**
     * Restricts the state directory, takes the host lock and recovers an unfinished run; close the
     * session to release the lock.
     *
     * @throws StateDirectoryGuard.StateDirectoryException when the state directory cannot be restricted (nothing was written into it)
     */
    public ChangeSession open() throws IOException {
        List<String> secured = guard.secure(stateDir);
        for (String change : secured) {
            listener.stateDirectorySecured(change);
        }
        HostLock lock = HostLock.acquire(stateDir.resolve("host.lock"), lockWait);
        try {
            RecoveryReport recovery = recover();
            return new ChangeSession(this, lock, recovery, secured);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private RecoveryReport recover() throws IOException {
        ChangeJournal journal = journal();
        List<JournalEntry> entries = journal.read();
        if (entries.isEmpty()) {
            if (journal.exists()) {
                journal.close();
            }
            return RecoveryReport.nothingToRecover();
        }
        String runId = entries.get(0).runId();
        String plan = entries.get(0).plan();
        List<JournalEntry> intents = entries.stream().filter(e -> "intent".equals(e.event())).toList();
        List<String> undone = new ArrayList<>();
        String problem = undoInReverse(intents.stream().map(JournalEntry::compensation).toList(),
                intents.stream().map(JournalEntry::description).toList(), undone);
        if (problem == null) {
            journal.close();
        }
        return new RecoveryReport(true, runId, plan, undone, problem == null, problem);
    }

    /** Undoes compensations last-first; returns the first problem, or null when all succeeded. */
    private String undoInReverse(List<Compensation> compensations, List<String> descriptions, List<String> undone) {
        String problem = null;
        for (int i = compensations.size() - 1; i >= 0; i--) {
            Compensation compensation = compensations.get(i);
            if (compensation.isNone()) {
                continue;
            }
            CompensationHandler handler = handlers.get(compensation.kind());
            try {
                if (handler == null) {
                    throw new IOException("no handler for compensation kind '" + compensation.kind() + "'");
                }
                handler.undo(compensation);
                undone.add(descriptions.get(i));
                listener.undone(descriptions.get(i));
            } catch (IOException | RuntimeException e) {
                // Keep undoing the others: each one restored is one thing less broken.
                if (problem == null) {
                    problem = "cannot undo '" + descriptions.get(i) + "': " + e.getMessage();
                }
            }
        }
        return problem;
    }

    String describe(Compensation compensation) {
        CompensationHandler handler = handlers.get(compensation.kind());
        return handler == null ? compensation.kind() + " (no handler registered)" : handler.describeUndo(compensation);
    }

    ChangeOutcome apply(ChangePlan plan) throws IOException {
        String runId = RUN_ID_TIME.format(clock.instant()) + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path backupDir = stateDir.resolve("backups").resolve(runId);
        Files.createDirectories(backupDir);
        ChangeContext context = new ChangeContext(runId, backupDir);
        ChangeJournal journal = journal();
        journal.begin(runId, plan.name());
        List<Compensation> journaled = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        List<String> applied = new ArrayList<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            Step step = plan.steps().get(i);
            try {
                Compensation compensation = step.prepare(context);
                journal.intent(runId, i, step.description(), compensation);
                journaled.add(compensation);
                descriptions.add(step.description());
                listener.beforeStep(i, step);
                step.apply(context);
                journal.applied(runId, i, step.description());
                applied.add(step.description());
                listener.afterStep(i, step);
            } catch (StepFailedException | IOException | RuntimeException e) {
                String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                try {
                    listener.rollingBack(i, step, reason);
                } catch (RuntimeException ignored) {
                    // Progress output must never keep the rollback from running.
                }
                List<String> undone = new ArrayList<>();
                String problem = undoInReverse(journaled, descriptions, undone);
                if (problem == null) {
                    journal.close();
                }
                return new ChangeOutcome.RolledBack(runId, step.description(),
                        problem == null ? reason : reason + "; " + problem, undone, problem == null, backupDir);
            }
        }
        journal.close();
        return new ChangeOutcome.Completed(runId, applied, backupDir);
    }
}
