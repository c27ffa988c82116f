package io.rdphealth.fix;

import java.util.Map;
import java.util.Objects;

/**
 * How to undo one applied step, as data: a handler kind and its parameters. It is written to the
 * recovery journal before the step is applied, so a later run can undo the step even when the
 * process that applied it was killed. Undoing must be idempotent (it may run twice).
 *
 * @param kind   the name of the {@link CompensationHandler} that undoes it; {@code none} for checks
 * @param params what the handler needs (paths, backup locations, owners), all strings
 */
public record Compensation(String kind, Map<String, String> params) {
    public static final String NONE = "none";

    public Compensation {
        Objects.requireNonNull(kind, "kind");
        params = Map.copyOf(params);
    }

    /** For steps that change nothing (checks, verification). */
    public static Compensation none() {
        return new Compensation(NONE, Map.of());
    }

    public boolean isNone() {
        return NONE.equals(kind);
    }

    /** A parameter that must be present; the message names the kind and the key when it is not. */
    public String require(String key) {
        String value = params.get(key);
        if (value == null) {
            throw new IllegalArgumentException("compensation '" + kind + "' lacks parameter '" + key + "'");
        }
        return value;
    }
}
