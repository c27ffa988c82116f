package io.rdphealth.fix;

/**
 * Hears about progress (the CLI prints it). An exception thrown here counts as a failure of the
 * step, which is how tests inject faults between steps without touching the steps.
 */
public interface ChangeListener {
    ChangeListener SILENT = new ChangeListener() {
    };

    default void beforeStep(int index, Step step) throws java.io.IOException {
    }

    default void afterStep(int index, Step step) throws java.io.IOException {
    }

    /** A step failed (its compensation, if journaled, is among those about to be undone). */
    default void rollingBack(int index, Step failed, String reason) {
    }

    default void undone(String description) {
    }

    /** Opening a session created or tightened the state directory (the line says how it was before). */
    default void stateDirectorySecured(String change) {
    }
}
