package io.rdphealth.host.windows.fixes;

import io.rdphealth.fix.Step;
import io.rdphealth.host.windows.ServiceFacts;
import io.rdphealth.host.windows.ServiceStartType;
import io.rdphealth.host.windows.ServiceState;
import io.rdphealth.host.windows.WindowsFixNames;
import io.rdphealth.host.windows.WindowsPort;
import java.util.ArrayList;
import java.util.List;

/** start-services: start the stopped RDP services (never changes a Disabled start type). */
public final class StartServices {
    private StartServices() {
    }

    public static WindowsFixPlan plan(FixContext ctx) throws FixRefusedException {
        WindowsPort port = ctx.port();
        ServiceControl control = ctx.services();
        List<Step> steps = new ArrayList<>();
        List<String> toStart = new ArrayList<>();
        for (String name : ServiceControl.START_ORDER) {
            ServiceFacts s = port.queryService(name);
            if (s.state() == ServiceState.RUNNING) {
                continue;
            }
            if (s.state() == ServiceState.NOT_INSTALLED) {
                throw new FixRefusedException(name + " is not installed");
            }
            if (s.startType() == ServiceStartType.DISABLED) {
                throw new FixRefusedException(name + " has start type Disabled: an administrator disabled it on purpose or by policy; "
                        + "set it to Manual or Automatic first");
            }
            toStart.add(name);
            steps.add(Step.of("start " + name, context -> WindowsCompensations.stopService(name),
                    context -> control.start(name)));
        }
        if (steps.isEmpty()) {
            throw new FixRefusedException("TermService, UmRdpService and SessionEnv already run");
        }
        return new WindowsFixPlan(WindowsFixNames.START_SERVICES, List.of(), "nothing (starting a service changes no configuration)",
                steps, "every started service is RUNNING",
                () -> {
                    for (String name : toStart) {
                        if (port.queryService(name).state() != ServiceState.RUNNING) {
                            throw new IllegalStateException(name + " is " + port.queryService(name).state());
                        }
                    }
                    return null;
                },
                null, false);
    }
}
