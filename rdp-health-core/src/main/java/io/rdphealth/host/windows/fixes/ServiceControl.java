package io.rdphealth.host.windows.fixes;

import io.rdphealth.host.windows.ServiceState;
import io.rdphealth.host.windows.WindowsConstants;
import io.rdphealth.host.windows.WindowsPort;
import io.rdphealth.host.windows.WindowsPortException;
import java.time.Duration;
import java.util.List;

/**
 * Stops and starts the RDP services in dependency order (UmRdpService depends on TermService, and
 * the SCM refuses to stop a service whose dependents run), each with a deadline.
 */
final class ServiceControl {
    /** Stop order: dependents first. */
    static final List<String> STOP_ORDER = List.of(WindowsConstants.UM_RDP_SERVICE, WindowsConstants.TERM_SERVICE, WindowsConstants.SESSION_ENV);
    /** Start order: SessionEnv first, so the certificate exists when TermService loads it. */
    static final List<String> START_ORDER = List.of(WindowsConstants.SESSION_ENV, WindowsConstants.TERM_SERVICE, WindowsConstants.UM_RDP_SERVICE);

    private final WindowsPort port;
    private final Duration timeout;

    ServiceControl(WindowsPort port, Duration timeout) {
        this.port = port;
        this.timeout = timeout;
    }

    /** Stops every RDP service that runs, then starts them all. */
    void restartAll() {
        for (String name : STOP_ORDER) {
            stop(name);
        }
        for (String name : START_ORDER) {
            start(name);
        }
    }

    void start(String name) {
        if (port.queryService(name).state() == ServiceState.RUNNING) {
            return;
        }
        port.startService(name);
        if (!port.waitForService(name, ServiceState.RUNNING, timeout)) {
            throw new WindowsPortException(name + " did not reach RUNNING within " + timeout.toSeconds() + " s");
        }
    }

    void stop(String name) {
        ServiceState state = port.queryService(name).state();
        if (state == ServiceState.STOPPED || state == ServiceState.NOT_INSTALLED) {
            return;
        }
        port.stopService(name);
        if (!port.waitForService(name, ServiceState.STOPPED, timeout)) {
            throw new WindowsPortException(name + " did not stop within " + timeout.toSeconds() + " s");
        }
    }
}
