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
public record WindowsRuleContext(Instant now, int expiryWindowDays, Integer probedPort, String servedThumbprint) {
    public WindowsRuleContext {
        Objects.requireNonNull(now, "now");
    }

    public static WindowsRuleContext at(Instant now) {
        return new WindowsRuleContext(now, SeverityPolicy.DEFAULT_EXPIRY_WINDOW_DAYS, null, null);
    }

    public WindowsRuleContext withExpiryWindow(int days) {
        return new WindowsRuleContext(now, days, probedPort, servedThumbprint);
    }

    public WindowsRuleContext withProbe(int port, String thumbprint) {
        return new WindowsRuleContext(now, expiryWindowDays, port, thumbprint);
    }
}
