package io.rdphealth.host.windows.rules;

import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.host.windows.WindowsHostFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Windows diagnosis: runs every {@link WindowsRule} over a snapshot, hangs the event-log
 * findings under the root causes they explain, and ranks root causes by severity (stable). Pure.
 */
public final class WindowsRules {
    private final List<WindowsRule> rules = List.of(
            new RemoteDesktopEnabledRule(),
            new ServicesRule(),
            new FirewallRule(),
            new FirewallBlockingRule(),
            new ListenerPortRule(),
            new CertificateRule(),
            new KeyAccessRule(),
            new MachineKeysAclRule(),
            new SchannelRule(),
            new CipherPolicyRule(),
            new SecurityLayerRule(),
            new CredSspRule());
    private final EventLogRule events = new EventLogRule();

    public List<Finding> evaluate(WindowsHostFacts facts, WindowsRuleContext context) {
        List<Finding> roots = new ArrayList<>();
        for (WindowsRule rule : rules) {
            roots.addAll(rule.check(facts, context));
        }
        List<Finding> standalone = new ArrayList<>();
        for (Map.Entry<Integer, Finding> event : events.byEventId(facts).entrySet()) {
            Set<FindingId> explains = EventLogRule.EXPLAINS.getOrDefault(event.getKey(), Set.of());
            int owner = -1;
            for (int i = 0; i < roots.size() && owner < 0; i++) {
                if (explains.contains(roots.get(i).id())) {
                    owner = i;
                }
            }
            if (owner >= 0) {
                Finding root = roots.get(owner);
                List<Finding> symptoms = new ArrayList<>(root.symptoms());
                symptoms.add(event.getValue());
                roots.set(owner, root.withSymptoms(symptoms));
            } else {
                standalone.add(event.getValue());
            }
        }
        roots.addAll(standalone);
        roots.sort(Comparator.comparing(Finding::severity).reversed());
        return List.copyOf(roots);
    }
}
