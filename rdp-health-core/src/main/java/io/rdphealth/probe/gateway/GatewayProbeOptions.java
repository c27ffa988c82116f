package io.rdphealth.probe.gateway;

import io.rdphealth.probe.net.Timeouts;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Objects;

/**
 * Limits and choices of a gateway probe.
 *
 * @param connectTimeout per TCP connect
 * @param readTimeout    per read
 * @param overallTimeout for the whole probe (every connection)
 * @param websocket      whether to try the websocket variant as well
 * @param credentials    credentials for one further request, or {@code null}
 * @param trustStore     trust anchors for the certificate check; {@code null} for the JDK's cacerts
 */
public record GatewayProbeOptions(
        Duration connectTimeout,
        Duration readTimeout,
        Duration overallTimeout,
        boolean websocket,
        GatewayCredentials credentials,
        KeyStore trustStore) {

    public GatewayProbeOptions {
        Timeouts.requirePositive("connect timeout", connectTimeout);
        Timeouts.requirePositive("read timeout", readTimeout);
        Timeouts.requirePositive("overall timeout", overallTimeout);
    }

    /** The limits and trust store of the run's probe options, websocket on, no credentials. */
    public static GatewayProbeOptions from(io.rdphealth.probe.ProbeOptions probe) {
        return new GatewayProbeOptions(probe.connectTimeout(), probe.readTimeout(), probe.targetDeadline(), true, null, probe.trustStore());
    }

    public static GatewayProbeOptions defaults() {
        return new GatewayProbeOptions(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(20), true, null, null);
    }

    public GatewayProbeOptions withTimeouts(Duration connect, Duration read, Duration overall) {
        return new GatewayProbeOptions(connect, read, overall, websocket, credentials, trustStore);
    }

    public GatewayProbeOptions withCredentials(GatewayCredentials given) {
        return new GatewayProbeOptions(connectTimeout, readTimeout, overallTimeout, websocket, given, trustStore);
    }

    public GatewayProbeOptions withTrustStore(KeyStore anchors) {
        return new GatewayProbeOptions(connectTimeout, readTimeout, overallTimeout, websocket, credentials, anchors);
    }

    public GatewayProbeOptions withWebsocket(boolean tryWebsocket) {
        return new GatewayProbeOptions(connectTimeout, readTimeout, overallTimeout, tryWebsocket, credentials, trustStore);
    }

    @Override
    public String toString() {
        return "GatewayProbeOptions[connect=" + connectTimeout + ", read=" + readTimeout + ", overall=" + overallTimeout
                + ", websocket=" + websocket + ", credentials=" + (credentials == null ? "none" : credentials.scheme()) + "]";
    }
}
