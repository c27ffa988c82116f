package io.rdphealth.probe.net;

import java.time.Duration;

/** The one check every set of probe limits makes: each timeout is given and positive. */
public final class Timeouts {
    private Timeouts() {
    }

    /** {@code value}, or an IllegalArgumentException naming {@code name} and the bad value. */
    public static Duration requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
