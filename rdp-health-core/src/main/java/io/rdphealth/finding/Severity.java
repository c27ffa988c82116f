package io.rdphealth.finding;

/**
 * How bad a finding is. Declared in increasing order, so {@link #compareTo} ranks them.
 *
 * <p>{@code CRITICAL}: no client can connect. {@code ERROR}: clients fail or will fail.
 * {@code WARNING}: works but is weak or will break later. {@code INFO}: context.
 */
public enum Severity {
    INFO,
    WARNING,
    ERROR,
    CRITICAL;

    /** Whether this severity is at least {@code threshold}. */
    public boolean isAtLeast(Severity threshold) {
        return compareTo(threshold) >= 0;
    }

    /** Parses a severity name case-insensitively, naming the bad value when it is not one. */
    public static Severity parse(String text) {
        for (Severity severity : values()) {
            if (severity.name().equalsIgnoreCase(text.trim())) {
                return severity;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "' (expected one of INFO, WARNING, ERROR, CRITICAL)");
    }
}
