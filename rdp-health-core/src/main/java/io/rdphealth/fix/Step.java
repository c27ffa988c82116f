package io.rdphealth.fix;

import java.io.IOException;

/**
 * One step of a {@link ChangePlan}. The runner calls {@link #prepare} (take a backup, say how to
 * undo), journals the returned compensation durably, then calls {@link #apply}. A step whose
 * apply fails must leave at most what its compensation can undo.
 */
public interface Step {
    /** What the step does, specific enough for a dry-run plan and the report. */
    String description();

    /**
     * Saves what is needed to undo this step (for example a backup of the file it replaces) and
     * returns the compensation; {@link Compensation#none()} for steps that change nothing.
     *
     * @param context the run's backup directory and identity
     */
    Compensation prepare(ChangeContext context) throws IOException;

    /**
     * Applies the step.
     *
     * @throws StepFailedException when the step cannot be done or its check fails (the run rolls back)
     */
    void apply(ChangeContext context) throws IOException, StepFailedException;
}
