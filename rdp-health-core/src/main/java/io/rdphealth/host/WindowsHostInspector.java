package io.rdphealth.host;

import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.host.windows.WindowsInspector;
import io.rdphealth.host.windows.WindowsPort;
import io.rdphealth.host.windows.rules.WindowsRuleContext;
import io.rdphealth.host.windows.rules.WindowsRules;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.report.TargetResult;
import java.time.Clock;
import java.util.List;

/** Host inspection of a Windows RDP server through a {@link WindowsPort} (JNA on a real host). */
public final class WindowsHostInspector implements HostInspector {
    private final WindowsPort port;
    private final Clock clock;

    public WindowsHostInspector(WindowsPort port, Clock clock) {
        this.port = port;
        this.clock = clock;
    }

    @Override
    public List<Finding> inspect(TargetResult probed, SeverityPolicy policy) {
        WindowsRuleContext context = WindowsRuleContext.at(clock.instant()).withExpiryWindow(policy.expiryWindowDays());
        WireEvidence wire = probed.addresses().isEmpty() ? null : probed.addresses().get(0);
        if (wire != null && wire.certificate() != null) {
            context = context.withProbe(probed.target().port(), wire.certificate().leaf().sha1());
        }
        return new WindowsRules().evaluate(new WindowsInspector(port, clock).inspect(), context);
    }
}
