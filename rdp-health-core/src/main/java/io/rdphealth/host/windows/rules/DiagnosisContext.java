package io.rdphealth.host.windows.rules;

import io.rdphealth.policy.SeverityPolicy;
import java.time.Instant;
import java.util.Objects;

/**
 * What the Windows rules judge the facts against.
 *
 * @param now                when validity is judged (the snapshot's time unless told otherwise)
 * @param expiryWindowDays   CERT_EXPIRING_SOON window
 * @param probedPort         the port a wire probe used, or {@code null} without a probe result
 * @param servedThumbprint   SHA-1 of the certificate the probe saw, or {@code null}
 */
public record DiagnosisContext(Instant now, int expiryWindowDays, Integer probedPort, String servedThumbprint) {
    public DiagnosisContext {
        Objects.requireNonNull(now, "now");
    }

    public static DiagnosisContext at(Instant now) {
        return new DiagnosisContext(now, SeverityPolicy.DEFAULT_EXPIRY_WINDOW_DAYS, null, null);
    }

    public DiagnosisContext withExpiryWindow(int days) {
        return new DiagnosisContext(now, days, probedPort, servedThumbprint);
    }

    public DiagnosisContext withProbe(int port, String thumbprint) {
        return new DiagnosisContext(now, expiryWindowDays, port, thumbprint);
    }
}
