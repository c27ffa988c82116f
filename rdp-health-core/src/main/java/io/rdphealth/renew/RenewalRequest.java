package io.rdphealth.renew;

import io.rdphealth.cert.RenewalWindow;
import io.rdphealth.target.Target;
import java.util.Objects;

/**
 * What to renew.
 *
 * @param platform        which server ({@link RenewalPlatform#AUTO} decides by the operating system)
 * @param port            the listener's port; the renewal refuses when the server is configured for another
 *                        one (so a wrong guess never renews the wrong server); 0 = whatever is configured
 * @param renewWithinDays renew when fewer days than this are left (0..3650)
 * @param force           renew even when the certificate is fine (or reinstall the supplied one)
 * @param dryRun          only plan: change nothing
 * @param certificate     install this instead of minting a self-signed certificate, or {@code null}
 */
public record RenewalRequest(RenewalPlatform platform, int port, int renewWithinDays, boolean force, boolean dryRun,
                             SuppliedCertificate certificate) {
    public RenewalRequest {
        Objects.requireNonNull(platform, "platform");
        if (port != 0 && !Target.isValidPort(port)) {
            throw new IllegalArgumentException("port must be 1..65535 (or 0 for the configured one), was " + port);
        }
        RenewalWindow.requireDays(renewWithinDays, "renewWithinDays");
    }
}
