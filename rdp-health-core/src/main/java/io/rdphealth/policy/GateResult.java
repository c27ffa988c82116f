package io.rdphealth.policy;

import java.util.List;
import java.util.Objects;

/**
 * The gate's verdict on one run.
 *
 * @param outcome  pass, unstable or fail
 * @param reason   one line for a person: which threshold, how many targets; names them
 * @param offending the targets that reached the threshold of the outcome, as {@code input (WORST)}
 */
public record GateResult(GateOutcome outcome, String reason, List<String> offending) {
    public GateResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        offending = List.copyOf(offending);
    }

    public boolean passed() {
        return outcome == GateOutcome.PASS;
    }
}
