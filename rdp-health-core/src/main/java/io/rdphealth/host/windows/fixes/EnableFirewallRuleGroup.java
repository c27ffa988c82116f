package io.rdphealth.host.windows.fixes;

import io.rdphealth.host.windows.FirewallProfile;
import io.rdphealth.host.windows.WindowsConstants;
import io.rdphealth.host.windows.WindowsFixNames;
import io.rdphealth.host.windows.WindowsPort;
import io.rdphealth.host.windows.fix.FixPlan;
import io.rdphealth.host.windows.fix.FixRefusedException;
import io.rdphealth.host.windows.fix.FixStep;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** enable-firewall: enable the Remote Desktop rule group for the chosen profiles. */
public final class EnableFirewallRuleGroup {
    private EnableFirewallRuleGroup() {
    }

    /**
     * @param profiles the profiles to enable it for; empty means the active profiles where it blocks
     */
    public static FixPlan plan(FixContext ctx, Set<FirewallProfile> profiles) throws FixRefusedException {
        WindowsPort port = ctx.port();
        Set<FirewallProfile> chosen = profiles.isEmpty() ? ctx.facts().firewall().blockingProfiles() : profiles;
        if (chosen.isEmpty()) {
            throw new FixRefusedException("the Remote Desktop rule group is already enabled for every active profile");
        }
        Map<FirewallProfile, Boolean> before = new EnumMap<>(FirewallProfile.class);
        FixPlan.Backup backup = folder -> {
            for (FirewallProfile p : FirewallProfile.values()) {
                before.put(p, port.isRuleGroupEnabled(p, WindowsConstants.FIREWALL_RULE_GROUP));
            }
            port.createDirectory(folder, null);
            FixSupport.writeText(port, folder.resolve("firewall.txt"), before.toString());
        };
        List<FixStep> steps = new ArrayList<>();
        for (FirewallProfile p : FirewallProfile.values()) {
            if (chosen.contains(p)) {
                steps.add(new FixStep("enable rule group " + WindowsConstants.FIREWALL_RULE_GROUP + " (Remote Desktop) for profile " + p,
                        () -> port.enableRuleGroup(p, WindowsConstants.FIREWALL_RULE_GROUP, true),
                        () -> port.enableRuleGroup(p, WindowsConstants.FIREWALL_RULE_GROUP, before.getOrDefault(p, false))));
            }
        }
        return new FixPlan(WindowsFixNames.ENABLE_FIREWALL,
                List.of("a firewall managed by group policy overwrites local changes at the next refresh"),
                "which profiles have the group enabled", backup, steps,
                "the group is enabled for " + chosen,
                () -> {
                    for (FirewallProfile p : chosen) {
                        if (!port.isRuleGroupEnabled(p, WindowsConstants.FIREWALL_RULE_GROUP)) {
                            throw new IllegalStateException("the group is still disabled for " + p);
                        }
                    }
                    return null;
                },
                null, false);
    }
}
