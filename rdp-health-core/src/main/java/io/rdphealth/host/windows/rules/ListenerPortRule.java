package io.rdphealth.host.windows.rules;

import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.host.windows.ListenerSettings;
import io.rdphealth.host.windows.WindowsConstants;
import io.rdphealth.host.windows.WindowsHostFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * LISTENER_PORT_MISMATCH: PortNumber differs from the port probed, or is not 3389 while only the
 * built-in Remote Desktop rules (which open 3389) let traffic in.
 */
public final class ListenerPortRule implements WindowsRule {
    @Override
    public List<Finding> check(WindowsHostFacts facts, WindowsRuleContext context) {
        ListenerSettings l = facts.listener();
        int port = l.effectivePort();
        List<String> evidence = new ArrayList<>();
        evidence.add("HKLM\\" + WindowsConstants.RDP_TCP + "\\PortNumber = " + port);
        if (context.probedPort() != null && context.probedPort() != port) {
            evidence.add("the probe connected to port " + context.probedPort());
            return List.of(Finding.of(FindingId.LISTENER_PORT_MISMATCH, facts.computerName(),
                    "The RDP listener is on port " + port + " but clients use " + context.probedPort(), evidence,
                    Fix.manual("Connect to " + facts.computerName() + ":" + port + ", or set PortNumber back to "
                                    + context.probedPort() + " and restart TermService",
                            "Make sure a firewall rule allows TCP " + port)));
        }
        if (port != ListenerSettings.DEFAULT_PORT) {
            evidence.add("the built-in rule RemoteDesktop-UserMode-In-TCP allows TCP 3389 only");
            return List.of(Finding.of(FindingId.LISTENER_PORT_MISMATCH, facts.computerName(),
                    "The RDP listener uses port " + port + ", which the built-in Remote Desktop firewall rule does not open",
                    evidence,
                    Fix.manual("Add an inbound firewall rule for TCP " + port + " (and UDP " + port + "), or set PortNumber back to 3389",
                            "Clients must connect to " + facts.computerName() + ":" + port)));
        }
        return List.of();
    }
}
