package io.rdphealth.host.windows.fixes;

import io.rdphealth.cert.RenewalWindow;
import io.rdphealth.target.Target;
import java.util.Arrays;

/**
 * What {@code renew-cert --windows} was asked to do.
 *
 * @param port            the listener port the caller means; refused when PortNumber differs (0 = any)
 * @param renewWithinDays renew when fewer days than this are left on the served certificate
 * @param force           renew (or reinstall) even when the served certificate is fine
 * @param dryRun          print the plan, change nothing
 * @param pfx             a PKCS#12 file's bytes to install instead of renewing the self-signed one, or {@code null}
 * @param password        its password ({@code null} = empty); never logged
 */
public record WindowsRenewalRequest(int port, int renewWithinDays, boolean force, boolean dryRun, byte[] pfx, char[] password) {
    public WindowsRenewalRequest {
        if (port != 0 && !Target.isValidPort(port)) {
            throw new IllegalArgumentException("port must be 1..65535 (or 0 for the configured one), was " + port);
        }
        RenewalWindow.requireDays(renewWithinDays, "--renew-within");
        if (pfx != null && pfx.length > InstallPfxCertificate.MAX_PFX_BYTES) {
            throw new IllegalArgumentException("the PKCS#12 data is larger than " + InstallPfxCertificate.MAX_PFX_BYTES
                    + " bytes: not a certificate file");
        }
    }

    /** The password as given, or an empty one. */
    char[] passwordOrEmpty() {
        return password == null ? new char[0] : password;
    }

    @Override
    public String toString() {
        return "WindowsRenewalRequest[port=" + port + ", renewWithinDays=" + renewWithinDays + ", force=" + force + ", dryRun=" + dryRun
                + ", pfx=" + (pfx == null ? "none" : pfx.length + " bytes") + ", password=(not shown)]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WindowsRenewalRequest r && r.port == port && r.renewWithinDays == renewWithinDays && r.force == force
                && r.dryRun == dryRun && Arrays.equals(r.pfx, pfx) && Arrays.equals(r.password, password);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pfx) * 31 + renewWithinDays;
    }
}
