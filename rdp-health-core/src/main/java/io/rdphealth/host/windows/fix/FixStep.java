package io.rdphealth.host.windows.fix;

import java.util.Objects;

/**
 * One step of a fix plan. {@code undo} must be safe to run when {@code apply} failed half-way or
 * did not run at all: the runner undoes the failing step too, because it may have changed part
 * of what it meant to change.
 *
 * @param description what the step changes, as printed in the plan and the log
 * @param apply       the change
 * @param undo        puts back what {@code apply} changed
 */
public record FixStep(String description, FixAction apply, FixAction undo) {
    public FixStep {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(apply, "apply");
        undo = undo == null ? FixAction.NOTHING : undo;
    }
}
