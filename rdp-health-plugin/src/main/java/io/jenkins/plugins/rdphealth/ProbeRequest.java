package io.jenkins.plugins.rdphealth;

import java.io.Serializable;
import java.util.List;

/**
 * The resolved parameters of one {@code rdpHealthCheck} call, sent to the agent. Plain values only:
 * the library objects are built from them on the agent.
 *
 * @param targets             target strings as the user wrote them (each may hold a comma separated list)
 * @param port                default port for targets without one
 * @param gateway             RD Gateway {@code host[:port]} to probe through, or {@code null}
 * @param connectTimeoutMillis TCP connect timeout
 * @param readTimeoutMillis   read timeout of each exchange
 * @param targetDeadlineMillis overall deadline per target
 * @param parallelism         targets probed at once
 * @param expiryWindowDays    certificate expiry window
 * @param inspectHost         also inspect the agent's own host (Windows / xrdp settings)
 */
record ProbeRequest(List<String> targets, int port, String gateway, long connectTimeoutMillis, long readTimeoutMillis,
                    long targetDeadlineMillis, int parallelism, int expiryWindowDays, boolean inspectHost)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    ProbeRequest {
        targets = List.copyOf(targets);
    }
}
