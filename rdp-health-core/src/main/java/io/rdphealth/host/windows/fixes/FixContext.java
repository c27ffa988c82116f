package io.rdphealth.host.windows.fixes;

import io.rdphealth.host.windows.ListenerVerifier;
import io.rdphealth.host.windows.WindowsHostFacts;
import io.rdphealth.host.windows.WindowsPort;
import java.time.Clock;
import java.util.Objects;

/**
 * What every Windows fix plan is built from.
 *
 * @param port      the host
 * @param facts     a fresh inspection of it (preconditions and the "before" state come from here)
 * @param verifier  reads the served certificate from the wire
 * @param clock     time for validity checks
 * @param settings  deadlines
 */
public record FixContext(WindowsPort port, WindowsHostFacts facts, ListenerVerifier verifier, Clock clock, FixSettings settings) {
    public FixContext {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(settings, "settings");
    }

    ServiceControl services() {
        return new ServiceControl(port, settings.serviceTimeout());
    }
}
