package io.rdphealth.finding;

import java.util.List;
import java.util.Objects;

/**
 * What to do about a finding: ordered steps a person can follow, and whether RDP Health can apply
 * the fix itself (and under which fix name, e.g. {@code renew-cert}).
 *
 * @param steps         ordered, concrete steps; never empty
 * @param automatedBy   the name of the RDP Health fix that applies it, or {@code null} when only a person can
 */
public record Fix(List<String> steps, String automatedBy) {
    public Fix {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a fix needs at least one step");
        }
    }

    public static Fix manual(String... steps) {
        return new Fix(List.of(steps), null);
    }

    public static Fix automated(String fixName, String... steps) {
        return new Fix(List.of(steps), Objects.requireNonNull(fixName));
    }

    public boolean isAutomatable() {
        return automatedBy != null;
    }
}
