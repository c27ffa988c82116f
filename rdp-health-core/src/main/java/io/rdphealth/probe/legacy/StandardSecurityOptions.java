package io.rdphealth.probe.legacy;

import io.rdphealth.probe.net.Timeouts;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits and choices of a standard-security probe.
 *
 * @param connectTimeout   per TCP connect
 * @param readTimeout      per read
 * @param overallTimeout   for the whole probe of one address (all its connections)
 * @param enumerateMethods whether to offer each encryption method alone (4 more connections)
 * @param clientName       clientName sent in the client core data (15 characters at most are sent)
 */
public record StandardSecurityOptions(
        Duration connectTimeout,
        Duration readTimeout,
        Duration overallTimeout,
        boolean enumerateMethods,
        String clientName) {

    public StandardSecurityOptions {
        Timeouts.requirePositive("connect timeout", connectTimeout);
        Timeouts.requirePositive("read timeout", readTimeout);
        Timeouts.requirePositive("overall timeout", overallTimeout);
        clientName = clientName == null || clientName.isBlank() ? "rdphealth" : clientName;
    }

    /** The limits of the run's probe options, with method enumeration on. */
    public static StandardSecurityOptions from(io.rdphealth.probe.ProbeOptions probe) {
        return new StandardSecurityOptions(probe.connectTimeout(), probe.readTimeout(), probe.targetDeadline(), true, "rdphealth");
    }

    public static StandardSecurityOptions defaults() {
        return new StandardSecurityOptions(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(20), true, "rdphealth");
    }

    public StandardSecurityOptions withTimeouts(Duration connect, Duration read, Duration overall) {
        return new StandardSecurityOptions(connect, read, overall, enumerateMethods, clientName);
    }

    public StandardSecurityOptions withEnumerateMethods(boolean enumerate) {
        return new StandardSecurityOptions(connectTimeout, readTimeout, overallTimeout, enumerate, clientName);
    }
}
