package io.rdphealth.cli;

import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Severity;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.probe.ProbeOptions;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Probe and severity-policy options shared by the commands that probe. */
public final class ProbeOptionsMixin {
    @Option(names = "--port", paramLabel = "PORT", description = "Port for targets without one (default: ${DEFAULT-VALUE}).",
            defaultValue = "3389")
    int port;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Deadline for everything about one target (default: ${DEFAULT-VALUE}).",
            defaultValue = "10")
    double timeoutSeconds;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", description = "TCP connect limit (default: ${DEFAULT-VALUE}).",
            defaultValue = "3")
    double connectTimeoutSeconds;

    @Option(names = "--read-timeout", paramLabel = "SECONDS", description = "Limit for one read from a silent peer (default: ${DEFAULT-VALUE}).",
            defaultValue = "3")
    double readTimeoutSeconds;

    @Option(names = "--parallel", paramLabel = "N", description = "Targets probed at once (default: ${DEFAULT-VALUE}); "
            + "raise it for hundreds of distant targets, whose time goes to round trips rather than CPU.",
            defaultValue = "32")
    int parallel;

    @Option(names = "--samples", paramLabel = "N", description = "Extra TCP connects per address for latency/jitter (default: ${DEFAULT-VALUE}).",
            defaultValue = "0")
    int samples;

    @Option(names = "--all-addresses", description = "Probe every address the name resolves to, not only the first.")
    boolean allAddresses;

    @Option(names = "--no-tls-scan", description = "Skip the TLS version scan (TLS 1.2 alone, then 1.0 with 1.1: saves 2 or 3 connections per target).")
    boolean noTlsScan;

    @Option(names = "--no-credssp", description = "Do not read the NTLM challenge on NLA servers.")
    boolean noCredSsp;

    @Option(names = "--no-standard-security", description = "Do not read encryption methods/level over MCS when standard RDP security is accepted.")
    boolean noStandardSecurity;

    @Option(names = "--trust-store", paramLabel = "FILE", description = "PKCS#12 or JKS trust store for the chain check (default: the JVM's).")
    Path trustStore;

    @Option(names = "--expiry-days", paramLabel = "DAYS", description = "CERT_EXPIRING_SOON below this many days (default: ${DEFAULT-VALUE}).",
            defaultValue = "30")
    int expiryDays;

    @Option(names = "--severity", paramLabel = "ID=LEVEL", description = "Override a finding's severity, e.g. CERT_SELF_SIGNED=WARNING (repeatable).")
    List<String> severityOverrides = new ArrayList<>();

    ProbeOptions probeOptions() {
        return ProbeOptions.defaults()
                .withTargetDeadline(seconds("--timeout", timeoutSeconds))
                .withConnectTimeout(seconds("--connect-timeout", connectTimeoutSeconds))
                .withReadTimeout(seconds("--read-timeout", readTimeoutSeconds))
                .withParallelism(parallel)
                .withLatencySamples(samples)
                .withAllAddresses(allAddresses)
                .withScanTlsVersions(!noTlsScan)
                .withTrustStore(loadTrustStore())
                .withCredSsp(!noCredSsp)
                .withStandardSecurity(!noStandardSecurity);
    }

    SeverityPolicy policy() {
        SeverityPolicy policy = SeverityPolicy.defaults().withExpiryWindowDays(expiryDays);
        for (String override : severityOverrides) {
            int eq = override.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--severity '" + override + "': expected ID=LEVEL");
            }
            FindingId id;
            try {
                id = FindingId.valueOf(override.substring(0, eq).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--severity '" + override + "': unknown finding ID '" + override.substring(0, eq) + "'");
            }
            policy = policy.withOverride(id, Severity.parse(override.substring(eq + 1)));
        }
        return policy;
    }

    private static Duration seconds(String option, double value) {
        if (!(value > 0) || value > 3600) {
            throw new IllegalArgumentException(option + " must be between 0 and 3600 seconds, was " + value);
        }
        return Duration.ofMillis(Math.round(value * 1000));
    }

    private KeyStore loadTrustStore() {
        if (trustStore == null) {
            return null;
        }
        if (!Files.isReadable(trustStore)) {
            throw new IllegalArgumentException("--trust-store '" + trustStore + "' is not a readable file");
        }
        for (String type : List.of("PKCS12", "JKS")) {
            try (InputStream in = Files.newInputStream(trustStore)) {
                KeyStore store = KeyStore.getInstance(type);
                store.load(in, new char[0]);
                return store;
            } catch (Exception e) {
                // Try the next format; the error below names the file.
            }
        }
        throw new IllegalArgumentException("--trust-store '" + trustStore + "' is neither a PKCS#12 nor a JKS trust store without password");
    }
}
