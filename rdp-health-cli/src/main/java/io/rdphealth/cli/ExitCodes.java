package io.rdphealth.cli;

import io.rdphealth.report.HealthState;

/**
 * The documented exit codes of every command: gates in scripts and CI key on them.
 *
 * <ul>
 *   <li>{@link #HEALTHY} 0: no finding above INFO; a change applied and verified, planned (dry run) or not needed;</li>
 *   <li>{@link #WARNINGS} 1: the worst finding is a WARNING;</li>
 *   <li>{@link #ERRORS} 2: an ERROR or CRITICAL finding; a change that failed and was rolled back (also when the
 *       rollback itself failed: the output then names the backup to restore from);</li>
 *   <li>{@link #USAGE} 3: a bad option, target or input file, a command for another platform, or a change refused
 *       before anything was changed.</li>
 * </ul>
 */
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
