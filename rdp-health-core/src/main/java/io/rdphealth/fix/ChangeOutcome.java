package io.rdphealth.fix;

import java.nio.file.Path;
import java.util.List;

/** How a plan ended: applied completely, or rolled back after a failure. */
public sealed interface ChangeOutcome {
    String runId();

    /** Every step applied and the journal closed. */
    record Completed(String runId, List<String> applied, Path backupDir) implements ChangeOutcome {
        public Completed {
            applied = List.copyOf(applied);
        }
    }

    /**
     * A step failed; the steps applied before it were undone in reverse order.
     *
     * @param failedStep  description of the step that failed
     * @param reason      why it failed, for a person
     * @param undone      descriptions of the steps that were undone
     * @param rollbackComplete false when an undo failed too: the journal is kept so the next run retries
     * @param backupDir   where the backups are (restore by hand from here if the rollback was incomplete)
     */
    record RolledBack(String runId, String failedStep, String reason, List<String> undone,
                      boolean rollbackComplete, Path backupDir) implements ChangeOutcome {
        public RolledBack {
            undone = List.copyOf(undone);
        }
    }
}
