package io.rdphealth.host.xrdp;

import io.rdphealth.cert.RenewalWindow;
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
        RenewalWindow.requireDays(renewWithinDays, "--renew-within");
    }
}
