package io.rdphealth.host.windows.rules;

import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.host.windows.FirewallBlockRule;
import io.rdphealth.host.windows.FirewallFacts;
import io.rdphealth.host.windows.FirewallPortList;
import io.rdphealth.host.windows.FirewallProfile;
import io.rdphealth.host.windows.WindowsConstants;
import io.rdphealth.host.windows.WindowsHostFacts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * FIREWALL_RULE_BLOCKING when an enabled inbound block rule covering TCP applies to an active
 * profile with the firewall on and its local ports include the listener's port. Block rules win
 * over allow rules, so the Remote Desktop group being enabled does not help. A rule limited to
 * another program or service does not touch TermService and is skipped.
 */
public final class FirewallBlockingRule implements WindowsRule {
    @Override
    public List<Finding> check(WindowsHostFacts facts, WindowsRuleContext context) {
        FirewallFacts fw = facts.firewall();
        int port = facts.listener().effectivePort();
        Set<FirewallProfile> enforcing = fw.enforcingProfiles();
        List<String> evidence = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (FirewallBlockRule rule : fw.inboundTcpBlockRules()) {
            Set<FirewallProfile> hit = EnumSet.noneOf(FirewallProfile.class);
            hit.addAll(rule.profiles());
            hit.retainAll(enforcing);
            if (hit.isEmpty() || !FirewallPortList.covers(rule.localPorts(), port) || !reachesTermService(rule)) {
                continue;
            }
            names.add("'" + rule.name() + "'");
            evidence.add("inbound block rule '" + rule.name() + "': profiles " + lower(rule.profiles())
                    + ", local ports " + orAny(rule.localPorts()) + ", remote addresses " + orAny(rule.remoteAddresses())
                    + (blank(rule.program()) ? "" : ", program " + rule.program())
                    + (blank(rule.service()) || "*".equals(rule.service().strip()) ? "" : ", service " + rule.service())
                    + "; covers TCP " + port + " for the active " + lower(hit) + " profile"
                    + (rule.anyRemoteAddress() ? " from every address" : " from " + rule.remoteAddresses()));
        }
        if (evidence.isEmpty()) {
            return List.of();
        }
        evidence.add("the listener port is PortNumber " + port + "; block rules take precedence over the allow rules of "
                + WindowsConstants.FIREWALL_RULE_GROUP + " (Remote Desktop)");
        String which = String.join(", ", names);
        return List.of(Finding.of(FindingId.FIREWALL_RULE_BLOCKING, facts.computerName(),
                "The inbound firewall block rule" + (names.size() == 1 ? " " : "s ") + which + " cover" + (names.size() == 1 ? "s" : "")
                        + " the RDP port " + port + ": connections are dropped",
                evidence,
                Fix.manual("Review " + which + " in wf.msc > Inbound Rules (or Get-NetFirewallRule -DisplayName <name>): "
                                + "someone blocked this on purpose, so confirm RDP should be reachable",
                        "Then narrow the rule (exclude port " + port + " or the clients' addresses) or disable it: "
                                + "Get-NetFirewallRule -DisplayName <name> | Disable-NetFirewallRule",
                        "If a GPO delivers the rule, change it there: a local change is overwritten at the next refresh")));
    }

    /** A rule limited to a program other than svchost.exe, or to a service other than TermService, does not match it. */
    static boolean reachesTermService(FirewallBlockRule rule) {
        String program = rule.program();
        if (!blank(program) && !program.strip().equals("*")
                && !program.strip().toLowerCase(Locale.ROOT).endsWith("\\svchost.exe")) {
            return false;
        }
        String service = rule.service();
        return blank(service) || service.strip().equals("*") || service.strip().equalsIgnoreCase(WindowsConstants.TERM_SERVICE);
    }

    private static String lower(Set<FirewallProfile> profiles) {
        return profiles.isEmpty() ? "(none)" : profiles.stream().sorted().map(p -> p.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
    }

    private static String orAny(String text) {
        return blank(text) ? "*" : text.strip();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
