package io.rdphealth.fix;

import java.util.List;
import java.util.Objects;

/**
 * An ordered list of steps applied as one unit: all of them, or (after a failure, a verification
 * that does not hold, or a killed process) none of them.
 *
 * @param name  what the plan does, e.g. {@code renew-cert}
 * @param steps the steps in order; never empty
 */
public record ChangePlan(String name, List<Step> steps) {
    public ChangePlan {
        Objects.requireNonNull(name, "name");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one step");
        }
    }

    /** The numbered step descriptions: what a dry run prints. */
    public List<String> describe() {
        return java.util.stream.IntStream.range(0, steps.size())
                .mapToObj(i -> (i + 1) + ". " + steps.get(i).description())
                .toList();
    }
}
