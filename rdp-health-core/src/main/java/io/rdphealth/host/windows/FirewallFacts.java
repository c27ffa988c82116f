package io.rdphealth.host.windows;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Remote Desktop firewall rule group per profile, and the inbound block rules that cover TCP.
 *
 * @param firewallEnabled   per profile: whether the firewall is on at all (a profile with the firewall off blocks nothing)
 * @param activeProfiles    the profiles of the current network connections
 * @param remoteDesktopRuleGroupEnabled per profile: whether the group {@code @FirewallAPI.dll,-28752} is enabled
 * @param inboundTcpBlockRules the enabled inbound block rules whose protocol covers TCP (optional in a
 *                          snapshot: absent in those recorded before it existed, read as none)
 */
public record FirewallFacts(
        Map<FirewallProfile, Boolean> firewallEnabled,
        Set<FirewallProfile> activeProfiles,
        Map<FirewallProfile, Boolean> remoteDesktopRuleGroupEnabled,
        List<FirewallBlockRule> inboundTcpBlockRules) {

    public FirewallFacts {
        firewallEnabled = copy(firewallEnabled);
        activeProfiles = activeProfiles == null || activeProfiles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(activeProfiles));
        remoteDesktopRuleGroupEnabled = copy(remoteDesktopRuleGroupEnabled);
        inboundTcpBlockRules = inboundTcpBlockRules == null ? List.of() : List.copyOf(inboundTcpBlockRules);
    }

    /** The same facts with {@code rules} as the block rules. */
    public FirewallFacts withInboundTcpBlockRules(List<FirewallBlockRule> rules) {
        return new FirewallFacts(firewallEnabled, activeProfiles, remoteDesktopRuleGroupEnabled, rules);
    }

    /** Active profiles where the firewall is on: the ones whose rules apply now. */
    public Set<FirewallProfile> enforcingProfiles() {
        Set<FirewallProfile> enforcing = EnumSet.noneOf(FirewallProfile.class);
        for (FirewallProfile p : activeProfiles) {
            if (firewallEnabled.getOrDefault(p, true)) {
                enforcing.add(p);
            }
        }
        return enforcing;
    }

    private static Map<FirewallProfile, Boolean> copy(Map<FirewallProfile, Boolean> map) {
        return map == null || map.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(map));
    }

    /** Active profiles where the firewall is on and the Remote Desktop group is off. */
    public Set<FirewallProfile> blockingProfiles() {
        Set<FirewallProfile> blocking = EnumSet.noneOf(FirewallProfile.class);
        for (FirewallProfile p : activeProfiles) {
            if (firewallEnabled.getOrDefault(p, true) && !remoteDesktopRuleGroupEnabled.getOrDefault(p, false)) {
                blocking.add(p);
            }
        }
        return blocking;
    }
}
