package io.rdphealth.fix;

import java.io.IOException;

/**
 * A held host lock, after recovery. Decide what to change inside the session (the host may have
 * changed while waiting for the lock, and recovery may have just restored files), then
 * {@link #apply} the plan.
 */
public final class ChangeSession implements AutoCloseable {
    private final ChangeRunner runner;
    private final HostLock lock;
    private final RecoveryReport recovery;
    private final java.util.List<String> stateDirectoryChanges;

    ChangeSession(ChangeRunner runner, HostLock lock, RecoveryReport recovery, java.util.List<String> stateDirectoryChanges) {
        this.runner = runner;
        this.lock = lock;
        this.recovery = recovery;
        this.stateDirectoryChanges = java.util.List.copyOf(stateDirectoryChanges);
    }

    /** What opening the session changed to restrict the state directory (created, tightened from ...); empty when nothing. */
    public java.util.List<String> stateDirectoryChanges() {
        return stateDirectoryChanges;
    }

    /** What recovery found and undid when the session opened. */
    public RecoveryReport recovery() {
        return recovery;
    }

    /** Applies the plan: every step, or none after a rollback. */
    public ChangeOutcome apply(ChangePlan plan) throws IOException {
        if (!recovery.complete()) {
            throw new IOException("an earlier unfinished run could not be undone (" + recovery.problem()
                    + "); fix that first, the journal is " + runner.journal().file());
        }
        return runner.apply(plan);
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }
}
