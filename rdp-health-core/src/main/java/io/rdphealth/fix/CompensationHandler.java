package io.rdphealth.fix;

import java.io.IOException;

/** Undoes the steps of one {@link Compensation#kind()}; platform code registers its own kinds. */
public interface CompensationHandler {
    /** The kind this handler undoes. */
    String kind();

    /** Undoes the step; must be idempotent, because recovery may repeat an undo that was cut short. */
    void undo(Compensation compensation) throws IOException;

    /** What the undo restores, for a person (dry runs list the undos an interrupted run left pending). */
    default String describeUndo(Compensation compensation) {
        return compensation.kind() + " " + new java.util.TreeMap<>(compensation.params());
    }
}
