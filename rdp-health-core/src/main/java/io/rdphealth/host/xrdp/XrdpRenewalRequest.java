package io.rdphealth.host.xrdp;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code renew-cert --xrdp} was asked to do.
 *
 * @param iniPath         xrdp.ini
 * @param renewWithinDays renew when fewer days than this are left
 * @param force           renew even when the current pair is fine
 * @param dryRun          print the plan, change nothing
 * @param certificate     the new pair's source
 */
public record XrdpRenewalRequest(Path iniPath, int renewWithinDays, boolean force, boolean dryRun,
                                 NewCertificate certificate) {
    public XrdpRenewalRequest {
        Objects.requireNonNull(iniPath, "iniPath");
        Objects.requireNonNull(certificate, "certificate");
        if (renewWithinDays < 0 || renewWithinDays > 3650) {
            throw new IllegalArgumentException("--renew-within must be 0..3650 days, was " + renewWithinDays);
        }
    }
}
