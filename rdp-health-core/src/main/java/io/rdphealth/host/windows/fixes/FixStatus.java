package io.rdphealth.host.windows.fixes;

/** How a Windows fix run ended. */
public enum FixStatus {
    /** Dry run: the plan was printed, nothing was changed. */
    PLANNED,
    /** Every step applied and the verification passed. */
    APPLIED,
    /** A step or the verification failed and every applied step was undone. */
    ROLLED_BACK,
    /**
     * A step or the verification failed and at least one undo failed too (or an interrupted earlier
     * run could not be fully undone): the journal is kept so the next run retries; restore from the backup.
     */
    ROLLBACK_FAILED,
    /** Not started: a precondition, the lock or the journal failed; this run changed nothing. */
    REFUSED
}
