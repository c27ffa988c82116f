package io.rdphealth.probe;

import io.rdphealth.probe.net.Timeouts;
import io.rdphealth.target.Target;
import java.security.KeyStore;
import java.time.Duration;

/**
 * How to probe. Every network step is bounded by {@code connectTimeout} / {@code readTimeout}
 * and, whatever they say, by {@code targetDeadline} for the whole target.
 *
 * @param connectTimeout   TCP connect limit per connection
 * @param readTimeout      limit for one read (a peer that sends nothing)
 * @param targetDeadline   limit for everything about one target (a peer that drips)
 * @param parallelism      targets probed at once
 * @param latencySamples   extra bare TCP connects per address for latency/jitter (each probe connection is a sample too)
 * @param allAddresses     probe every resolved address, not only the first
 * @param scanTlsVersions  test TLS 1.0/1.1/1.2 one by one (1.3 follows from the main handshake)
 * @param credSsp          read the NTLM CHALLENGE when the server selects HYBRID
 * @param standardSecurity when the server accepts standard RDP security, read its encryption
 *                         methods and level over MCS and ask RDSTLS / HYBRID_EX alone
 * @param trustStore       trust store for the chain check, {@code null} for the JVM's
 * @param gateway          an RD Gateway to probe alongside the targets, or {@code null}
 */
public record ProbeOptions(
        Duration connectTimeout,
        Duration readTimeout,
        Duration targetDeadline,
        int parallelism,
        int latencySamples,
        boolean allAddresses,
        boolean scanTlsVersions,
        boolean credSsp,
        boolean standardSecurity,
        KeyStore trustStore,
        Target gateway) {

    public ProbeOptions {
        Timeouts.requirePositive("connect timeout", connectTimeout);
        Timeouts.requirePositive("read timeout", readTimeout);
        Timeouts.requirePositive("target deadline", targetDeadline);
        if (parallelism < 1 || parallelism > 4096) {
            throw new IllegalArgumentException("parallelism must be 1..4096, was " + parallelism);
        }
        if (latencySamples < 0 || latencySamples > 100) {
            throw new IllegalArgumentException("latency samples must be 0..100, was " + latencySamples);
        }
    }

    public static ProbeOptions defaults() {
        return new ProbeOptions(Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(10), 32, 0, false,
                true, true, true, null, null);
    }

    public ProbeOptions withConnectTimeout(Duration value) {
        return new ProbeOptions(value, readTimeout, targetDeadline, parallelism, latencySamples, allAddresses,
                scanTlsVersions, credSsp, standardSecurity, trustStore, gateway);
    }

    public ProbeOptions withReadTimeout(Duration value) {
        return new ProbeOptions(connectTimeout, value, targetDeadline, parallelism, latencySamples, allAddresses,
                scanTlsVersions, credSsp, standardSecurity, trustStore, gateway);
    }

    public ProbeOptions withTargetDeadline(Duration value) {
        return new ProbeOptions(connectTimeout, readTimeout, value, parallelism, latencySamples, allAddresses,
                scanTlsVersions, credSsp, standardSecurity, trustStore, gateway);
    }

    public ProbeOptions withParallelism(int value) {
        return new ProbeOptions(connectTimeout, readTimeout, targetDeadline, value, latencySamples, allAddresses,
                scanTlsVersions, credSsp, standardSecurity, trustStore, gateway);
    }

    public ProbeOptions withLatencySamples(int value) {
        return new ProbeOptions(connectTimeout, readTimeout, targetDeadline, parallelism, value, allAddresses,
                scanTlsVersions, credSsp, standardSecurity, trustStore, gateway);
    }

    public ProbeOptions withAllAddresses(boolean value) {
        return new ProbeOptions(connectTimeout, readTimeout, targetDeadline, parallelism, latencySamples, value,
                scanTlsVersions, credSsp, standardSecurity, trustStore, gateway);
    }

    public ProbeOptions withScanTlsVersions(boolean value) {
        return new ProbeOptions(connectTimeout, readTimeout, targetDeadline, parallelism, latencySamples, allAddresses,
                value, credSsp, standardSecurity, trustStore, gateway);
    }

    public ProbeOptions withCredSsp(boolean value) {
        return new ProbeOptions(connectTimeout, readTimeout, targetDeadline, parallelism, latencySamples, allAddresses,
                scanTlsVersions, value, standardSecurity, trustStore, gateway);
    }

    public ProbeOptions withStandardSecurity(boolean value) {
        return new ProbeOptions(connectTimeout, readTimeout, targetDeadline, parallelism, latencySamples, allAddresses,
                scanTlsVersions, credSsp, value, trustStore, gateway);
    }

    public ProbeOptions withTrustStore(KeyStore value) {
        return new ProbeOptions(connectTimeout, readTimeout, targetDeadline, parallelism, latencySamples, allAddresses,
                scanTlsVersions, credSsp, standardSecurity, value, gateway);
    }

    public ProbeOptions withGateway(Target value) {
        return new ProbeOptions(connectTimeout, readTimeout, targetDeadline, parallelism, latencySamples, allAddresses,
                scanTlsVersions, credSsp, standardSecurity, trustStore, value);
    }
}
