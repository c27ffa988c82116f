package io.rdphealth.host.windows;

import java.util.Objects;

/** One service's state and start type. */
public record ServiceFacts(String name, ServiceState state, ServiceStartType startType) {
    public ServiceFacts {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        startType = startType == null ? ServiceStartType.UNKNOWN : startType;
    }

    public boolean running() {
        return state == ServiceState.RUNNING;
    }
}
