package io.rdphealth.host.windows.rules;

import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.host.windows.ServiceFacts;
import io.rdphealth.host.windows.ServiceStartType;
import io.rdphealth.host.windows.WindowsConstants;
import io.rdphealth.host.windows.WindowsFixNames;
import io.rdphealth.host.windows.WindowsHostFacts;
import java.util.ArrayList;
import java.util.List;

/** SERVICE_NOT_RUNNING for TermService, UmRdpService and SessionEnv, one finding per stopped service. */
public final class ServicesRule implements WindowsRule {
    @Override
    public List<Finding> check(WindowsHostFacts facts, WindowsRuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (String name : WindowsConstants.RDP_SERVICES) {
            ServiceFacts service = facts.service(name);
            if (service == null || service.running()) {
                continue;
            }
            List<String> evidence = List.of("service " + name + ": state " + service.state() + ", start type " + service.startType());
            Fix fix = service.startType() == ServiceStartType.DISABLED
                    ? Fix.manual("Set the start type of " + name + " to Manual or Automatic (services.msc); it is Disabled, "
                            + "which RDP Health does not change on its own", "Then run: rdphealth fix start-services")
                    : Fix.automated(WindowsFixNames.START_SERVICES, "Start " + name + " (rdphealth fix start-services)",
                            "If it stops again, read the System log for Service Control Manager events about " + name);
            findings.add(Finding.of(FindingId.SERVICE_NOT_RUNNING, facts.computerName(),
                    name + " is " + service.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                            + (name.equals(WindowsConstants.SESSION_ENV) ? ": the self-signed certificate cannot be (re)built" : ""),
                    evidence, fix));
        }
        return findings;
    }
}
