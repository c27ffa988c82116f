package io.rdphealth.policy;

/**
 * What a build (or a CLI run) should become after a run, ordered from best to worst so the worse
 * of two outcomes is the greater one.
 */
public enum GateOutcome {
    /** No target reached a threshold. */
    PASS,
    /** A target reached the {@code unstableOn} threshold: the build is UNSTABLE. */
    UNSTABLE,
    /** A target reached the {@code failOn} threshold: the build fails. */
    FAIL;

    public GateOutcome worse(GateOutcome other) {
        return other.compareTo(this) > 0 ? other : this;
    }
}
