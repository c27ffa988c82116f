package io.rdphealth.report.console;

import io.rdphealth.finding.Severity;
import io.rdphealth.report.HealthState;

/** ANSI colours, or none: one instance per report, decided by the caller (colour only on a terminal). */
final class Ansi {
    private static final String RESET = "\u001b[0m";

    private final boolean enabled;

    Ansi(boolean enabled) {
        this.enabled = enabled;
    }

    String state(HealthState state, String text) {
        return paint(switch (state) {
            case HEALTHY -> "\u001b[32m";
            case WARNING -> "\u001b[33m";
            case ERROR -> "\u001b[31m";
            case CRITICAL -> "\u001b[1;31m";
        }, text);
    }

    String severity(Severity severity, String text) {
        return severity == Severity.INFO ? paint("\u001b[36m", text) : state(HealthState.of(severity), text);
    }

    String bold(String text) {
        return paint("\u001b[1m", text);
    }

    String dim(String text) {
        return paint("\u001b[2m", text);
    }

    private String paint(String code, String text) {
        return enabled ? code + text + RESET : text;
    }
}
