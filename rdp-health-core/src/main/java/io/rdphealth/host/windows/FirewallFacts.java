package io.rdphealth.host.windows;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The Remote Desktop firewall rule group per profile.
 *
 * @param firewallEnabled   per profile: whether the firewall is on at all (a profile with the firewall off blocks nothing)
 * @param activeProfiles    the profiles of the current network connections
 * @param remoteDesktopRuleGroupEnabled per profile: whether the group {@code @FirewallAPI.dll,-28752} is enabled
 */
public record FirewallFacts(
        Map<FirewallProfile, Boolean> firewallEnabled,
        Set<FirewallProfile> activeProfiles,
        Map<FirewallProfile, Boolean> remoteDesktopRuleGroupEnabled) {

    public FirewallFacts {
        firewallEnabled = copy(firewallEnabled);
        activeProfiles = activeProfiles == null || activeProfiles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(activeProfiles));
        remoteDesktopRuleGroupEnabled = copy(remoteDesktopRuleGroupEnabled);
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
