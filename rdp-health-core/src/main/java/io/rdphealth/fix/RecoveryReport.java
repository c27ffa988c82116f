package io.rdphealth.fix;

import java.util.List;

/**
 * What the start of a session found of an earlier run that did not finish (killed between steps,
 * power loss) and what it undid.
 *
 * @param needed   whether an unfinished run was found
 * @param runId    its id ({@code null} when none)
 * @param plan     its plan name ({@code null} when none)
 * @param undone   the steps undone, in the order they were undone
 * @param complete whether every undo succeeded (if not, the journal is kept and the next run retries)
 * @param problem  what failed during the undo, or {@code null}
 */
public record RecoveryReport(boolean needed, String runId, String plan, List<String> undone, boolean complete,
                             String problem) {
    public RecoveryReport {
        undone = List.copyOf(undone);
    }

    public static RecoveryReport nothingToRecover() {
        return new RecoveryReport(false, null, null, List.of(), true, null);
    }
}
