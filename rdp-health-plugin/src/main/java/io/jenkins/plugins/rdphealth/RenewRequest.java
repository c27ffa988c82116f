package io.jenkins.plugins.rdphealth;

import java.io.Serializable;

/**
 * The parameters of one {@code rdpRenewCert} call, sent to the agent.
 *
 * @param platform        {@code auto}, {@code windows} or {@code xrdp}
 * @param port            the RDP listener's port
 * @param renewWithinDays renew when fewer days than this are left
 * @param force           renew even when the certificate is still good
 * @param dryRun          only report the plan
 * @param xrdpConfig      xrdp.ini on the agent, or {@code null} for the library's default ({@code /etc/xrdp/xrdp.ini})
 */
record RenewRequest(String platform, int port, int renewWithinDays, boolean force, boolean dryRun, String xrdpConfig)
        implements Serializable {
    private static final long serialVersionUID = 1L;
}
