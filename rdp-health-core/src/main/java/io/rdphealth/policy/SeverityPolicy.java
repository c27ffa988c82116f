package io.rdphealth.policy;

import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Severity;
import java.util.EnumMap;
import java.util.Map;

/**
 * The user's severity policy: the certificate expiry window and per-ID overrides of the catalog's
 * default severities. The CLI exit code and the Jenkins gate both read findings through it.
 *
 * @param expiryWindowDays CERT_EXPIRING_SOON fires when fewer days than this are left
 * @param overrides        severities that replace the catalog default for an ID
 */
public record SeverityPolicy(int expiryWindowDays, Map<FindingId, Severity> overrides) {
    public static final int DEFAULT_EXPIRY_WINDOW_DAYS = 30;

    public SeverityPolicy {
        if (expiryWindowDays < 0) {
            throw new IllegalArgumentException("expiry window must be >= 0 days, was " + expiryWindowDays);
        }
        overrides = overrides.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(overrides));
    }

    public static SeverityPolicy defaults() {
        return new SeverityPolicy(DEFAULT_EXPIRY_WINDOW_DAYS, Map.of());
    }

    public SeverityPolicy withExpiryWindowDays(int days) {
        return new SeverityPolicy(days, overrides);
    }

    public SeverityPolicy withOverride(FindingId id, Severity severity) {
        Map<FindingId, Severity> copy = new EnumMap<>(FindingId.class);
        copy.putAll(overrides);
        copy.put(id, severity);
        return new SeverityPolicy(expiryWindowDays, copy);
    }

    /** The severity a finding with this ID gets: the override, else {@code proposed} (the rule's choice). */
    public Severity severityOf(FindingId id, Severity proposed) {
        return overrides.getOrDefault(id, proposed);
    }

    /** The finding with the policy applied to it and its symptoms. */
    public Finding apply(Finding finding) {
        return new Finding(finding.id(), severityOf(finding.id(), finding.severity()), finding.target(),
                finding.summary(), finding.evidence(), finding.fix(),
                finding.symptoms().stream().map(this::apply).toList());
    }
}
