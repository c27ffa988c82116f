package io.rdphealth.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rdphealth.evidence.DnsEvidence;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.Severity;
import io.rdphealth.target.Target;
import java.time.Instant;
import java.util.List;

/**
 * The outcome for one target: the evidence the probes gathered and the ranked findings the
 * diagnosis made of it (root causes first, each with the symptoms it explains).
 *
 * @param target    the target probed
 * @param dns       name resolution
 * @param addresses wire evidence per address probed (empty when DNS failed)
 * @param findings  ranked findings
 * @param probedAt  when probing started
 * @param millis    wall time for the whole target
 */
public record TargetResult(
        Target target,
        DnsEvidence dns,
        List<WireEvidence> addresses,
        List<Finding> findings,
        Instant probedAt,
        double millis) {

    public TargetResult {
        addresses = List.copyOf(addresses);
        findings = List.copyOf(findings);
    }

    public TargetResult withFindings(List<Finding> ranked) {
        return new TargetResult(target, dns, addresses, ranked, probedAt, millis);
    }

    /** The worst severity over all findings and their symptoms; {@code null} when there are none. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Severity worstSeverity() {
        Severity worst = null;
        for (Finding finding : findings) {
            Severity s = finding.worstSeverity();
            if (worst == null || s.compareTo(worst) > 0) {
                worst = s;
            }
        }
        return worst;
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public HealthState state() {
        return HealthState.of(worstSeverity());
    }

    /** Days left on the leaf certificate of the first address that presented one; {@code null} when none did. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Long certificateDaysLeft() {
        return addresses.stream().filter(a -> a.certificate() != null)
                .map(a -> a.certificate().daysLeft()).findFirst().orElse(null);
    }

    /** TLS handshake time on the main connection of the first address that completed one; {@code null} otherwise. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Double handshakeMillis() {
        return addresses.stream().filter(a -> a.tls() != null && a.tls().succeeded())
                .map(a -> a.tls().millis()).findFirst().orElse(null);
    }
}
