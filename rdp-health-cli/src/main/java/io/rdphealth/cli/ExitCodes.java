package io.rdphealth.cli;

import io.rdphealth.report.HealthState;

/** The documented exit codes: gates in scripts and CI key on them. */
public final class ExitCodes {
    public static final int HEALTHY = 0;
    public static final int WARNINGS = 1;
    public static final int ERRORS = 2;
    public static final int USAGE = 3;

    private ExitCodes() {
    }

    public static int of(HealthState state) {
        return switch (state) {
            case HEALTHY -> HEALTHY;
            case WARNING -> WARNINGS;
            case ERROR, CRITICAL -> ERRORS;
        };
    }
}
