package io.rdphealth.host.windows.fixes;

import java.time.Duration;

/**
 * Deadlines of the Windows fixes.
 *
 * @param serviceTimeout      how long a service may take to start or stop
 * @param certificateTimeout  how long Windows may take to generate a new self-signed certificate
 * @param pollInterval        how often the store is polled for it
 * @param lockWait            how long to wait for another change on this host to release the host lock
 *                            (zero: refuse at once, the CLI's behaviour)
 */
public record FixSettings(Duration serviceTimeout, Duration certificateTimeout, Duration pollInterval, Duration lockWait) {
    /** Without waiting for the host lock. */
    public FixSettings(Duration serviceTimeout, Duration certificateTimeout, Duration pollInterval) {
        this(serviceTimeout, certificateTimeout, pollInterval, Duration.ZERO);
    }

    public static FixSettings defaults() {
        return new FixSettings(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMillis(500));
    }
}
