package io.rdphealth.fix;

import java.io.IOException;
import java.util.Objects;

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

    /** A step from two functions; prepare and apply of one run may share state through the caller's closure. */
    static Step of(String description, Prepare prepare, Apply apply) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(prepare, "prepare");
        Objects.requireNonNull(apply, "apply");
        return new Step() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public Compensation prepare(ChangeContext context) throws IOException {
                return prepare.prepare(context);
            }

            @Override
            public void apply(ChangeContext context) throws IOException, StepFailedException {
                apply.apply(context);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }

    /** A step that changes nothing it would have to undo (a check, a verification, a wait). */
    static Step check(String description, Apply apply) {
        return of(description, context -> Compensation.none(), apply);
    }

    /** {@link Step#prepare} as a function. */
    @FunctionalInterface
    interface Prepare {
        Compensation prepare(ChangeContext context) throws IOException;
    }

    /** {@link Step#apply} as a function. */
    @FunctionalInterface
    interface Apply {
        void apply(ChangeContext context) throws IOException, StepFailedException;
    }
}
