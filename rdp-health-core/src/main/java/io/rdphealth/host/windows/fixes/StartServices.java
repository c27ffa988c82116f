package io.rdphealth.host.windows.fixes;

import io.rdphealth.host.windows.ServiceFacts;
import io.rdphealth.host.windows.ServiceStartType;
import io.rdphealth.host.windows.ServiceState;
import io.rdphealth.host.windows.WindowsFixNames;
import io.rdphealth.host.windows.WindowsPort;
import io.rdphealth.host.windows.fix.FixPlan;
import io.rdphealth.host.windows.fix.FixRefusedException;
import io.rdphealth.host.windows.fix.FixStep;
import java.util.ArrayList;
import java.util.List;

/** start-services: start the stopped RDP services (never changes a Disabled start type). */
public final class StartServices {
    private StartServices() {
    }

    public static FixPlan plan(FixContext ctx) throws FixRefusedException {
        WindowsPort port = ctx.port();
        ServiceControl control = ctx.services();
        List<FixStep> steps = new ArrayList<>();
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
            steps.add(new FixStep("start " + name, () -> control.start(name), () -> control.stop(name)));
        }
        if (steps.isEmpty()) {
            throw new FixRefusedException("TermService, UmRdpService and SessionEnv already run");
        }
        return new FixPlan(WindowsFixNames.START_SERVICES, List.of(), "nothing (starting a service changes no configuration)",
                folder -> { }, steps, "every started service is RUNNING",
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
