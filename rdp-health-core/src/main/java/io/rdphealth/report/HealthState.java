package io.rdphealth.report;

import io.rdphealth.finding.Severity;

/** A target's (or run's) overall state, from its worst finding; INFO findings leave it healthy. */
public enum HealthState {
    HEALTHY,
    WARNING,
    ERROR,
    CRITICAL;

    public static HealthState of(Severity worst) {
        if (worst == null || worst == Severity.INFO) {
            return HEALTHY;
        }
        return valueOf(worst.name());
    }
}
