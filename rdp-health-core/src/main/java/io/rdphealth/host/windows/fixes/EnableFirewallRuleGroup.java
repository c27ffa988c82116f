package io.rdphealth.host.windows.fixes;

import io.rdphealth.fix.Step;
import io.rdphealth.host.windows.FirewallProfile;
import io.rdphealth.host.windows.WindowsConstants;
import io.rdphealth.host.windows.WindowsFixNames;
import io.rdphealth.host.windows.WindowsPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** enable-firewall: enable the Remote Desktop rule group for the chosen profiles. */
public final class EnableFirewallRuleGroup {
    private EnableFirewallRuleGroup() {
    }

    /**
     * @param profiles the profiles to enable it for; empty means the active profiles where it blocks
     */
    public static WindowsFixPlan plan(FixContext ctx, Set<FirewallProfile> profiles) throws FixRefusedException {
        WindowsPort port = ctx.port();
        String group = WindowsConstants.FIREWALL_RULE_GROUP;
        Set<FirewallProfile> chosen = profiles.isEmpty() ? ctx.facts().firewall().blockingProfiles() : profiles;
        if (chosen.isEmpty()) {
            throw new FixRefusedException("the Remote Desktop rule group is already enabled for every active profile");
        }
        List<Step> steps = new ArrayList<>();
        for (FirewallProfile p : FirewallProfile.values()) {
            if (chosen.contains(p)) {
                steps.add(Step.of("enable rule group " + group + " (Remote Desktop) for profile " + p,
                        context -> WindowsCompensations.firewallRuleGroup(p, group, port.isRuleGroupEnabled(p, group)),
                        context -> port.enableRuleGroup(p, group, true)));
            }
        }
        return new WindowsFixPlan(WindowsFixNames.ENABLE_FIREWALL,
                List.of("a firewall managed by group policy overwrites local changes at the next refresh"),
                "whether each chosen profile has the group enabled", steps,
                "the group is enabled for " + chosen,
                () -> {
                    for (FirewallProfile p : chosen) {
                        if (!port.isRuleGroupEnabled(p, group)) {
                            throw new IllegalStateException("the group is still disabled for " + p);
                        }
                    }
                    return null;
                },
                null, false);
    }
}
