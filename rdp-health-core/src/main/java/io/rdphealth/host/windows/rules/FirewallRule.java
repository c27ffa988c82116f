package io.rdphealth.host.windows.rules;

import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.host.windows.FirewallFacts;
import io.rdphealth.host.windows.FirewallProfile;
import io.rdphealth.host.windows.WindowsConstants;
import io.rdphealth.host.windows.WindowsFixNames;
import io.rdphealth.host.windows.WindowsHostFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** FIREWALL_RULE_DISABLED when the Remote Desktop group is off for an active profile with the firewall on. */
public final class FirewallRule implements WindowsRule {
    @Override
    public List<Finding> check(WindowsHostFacts facts, WindowsRuleContext context) {
        FirewallFacts fw = facts.firewall();
        Set<FirewallProfile> blocking = fw.blockingProfiles();
        if (blocking.isEmpty()) {
            return List.of();
        }
        List<String> evidence = new ArrayList<>();
        for (FirewallProfile p : FirewallProfile.values()) {
            evidence.add("profile " + p + ": " + (fw.activeProfiles().contains(p) ? "active" : "inactive")
                    + ", firewall " + (fw.firewallEnabled().getOrDefault(p, true) ? "on" : "off")
                    + ", rule group " + WindowsConstants.FIREWALL_RULE_GROUP + " "
                    + (fw.remoteDesktopRuleGroupEnabled().getOrDefault(p, false) ? "enabled" : "disabled"));
        }
        String names = blocking.stream().map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
        return List.of(Finding.of(FindingId.FIREWALL_RULE_DISABLED, facts.computerName(),
                "The Remote Desktop firewall rules are off for the active " + names + " profile: connections are dropped",
                evidence,
                Fix.automated(WindowsFixNames.ENABLE_FIREWALL,
                        "Enable the Remote Desktop rule group for " + names + " (rdphealth fix enable-firewall --profiles " + names + ")",
                        "If a GPO manages the firewall, enable the group there instead: a local change is overwritten")));
    }
}
