package io.rdphealth.host.windows.fix;

/** How a fix run ended. */
public enum FixStatus {
    /** Dry run: the plan was printed, nothing was changed. */
    PLANNED,
    /** Every step applied and the verification passed. */
    APPLIED,
    /** A step or the verification failed and every applied step was undone. */
    ROLLED_BACK,
    /** A step or the verification failed and at least one undo failed too: restore from the backup. */
    ROLLBACK_FAILED,
    /** Not started: a precondition, the lock or the backup failed; nothing was changed. */
    REFUSED
}
