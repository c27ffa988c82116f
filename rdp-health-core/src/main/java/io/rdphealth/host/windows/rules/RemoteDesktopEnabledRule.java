package io.rdphealth.host.windows.rules;

import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.host.windows.ListenerSettings;
import io.rdphealth.host.windows.WindowsConstants;
import io.rdphealth.host.windows.WindowsHostFacts;
import java.util.List;

/** RDP_DISABLED / RDP_DISABLED_BY_POLICY from fDenyTSConnections (the policy copy wins). */
public final class RemoteDesktopEnabledRule implements WindowsRule {
    @Override
    public List<Finding> check(WindowsHostFacts facts, WindowsRuleContext context) {
        ListenerSettings l = facts.listener();
        if (l.denyTsConnectionsPolicy() != null && l.denyTsConnectionsPolicy() == 1) {
            return List.of(Finding.of(FindingId.RDP_DISABLED_BY_POLICY, facts.computerName(),
                    "Remote Desktop is disabled by group policy: the listener is off whatever the local setting says",
                    List.of("HKLM\\" + WindowsConstants.TERMINAL_SERVICES_POLICY + "\\fDenyTSConnections = 1",
                            "HKLM\\" + WindowsConstants.TERMINAL_SERVER + "\\fDenyTSConnections = " + l.denyTsConnections()),
                    Fix.manual("Find the GPO that sets 'Allow users to connect remotely by using Remote Desktop Services' "
                                    + "(gpresult /h report.html) and set it to Enabled or Not Configured",
                            "Run gpupdate /force on the host and check the value again")));
        }
        if (l.denyTsConnectionsPolicy() == null && l.denyTsConnections() != null && l.denyTsConnections() == 1) {
            return List.of(Finding.of(FindingId.RDP_DISABLED, facts.computerName(),
                    "Remote Desktop is disabled on the host (fDenyTSConnections = 1)",
                    List.of("HKLM\\" + WindowsConstants.TERMINAL_SERVER + "\\fDenyTSConnections = 1"),
                    Fix.manual("Settings > System > Remote Desktop > Enable Remote Desktop (or set fDenyTSConnections to 0)",
                            "Enable the Remote Desktop firewall rule group for the active profile")));
        }
        return List.of();
    }
}
