package io.rdphealth.finding;

import java.util.List;
import java.util.Objects;

/**
 * One problem (or piece of context) about one target, with the evidence that produced it and its
 * fix. Findings that another finding explains are listed under it as {@code symptoms}: the root
 * cause is ranked first and the symptoms it explains hang below it.
 *
 * @param id        stable catalog ID
 * @param severity  severity after the policy was applied
 * @param target    the target it is about (as the user wrote it, or the gateway / host name)
 * @param summary   one line a person understands, specific to this case
 * @param evidence  what was seen: bytes, values read, log lines (each entry one fact)
 * @param fix       what to do about it
 * @param symptoms  findings this one explains (already ranked); empty for most
 */
public record Finding(
        FindingId id,
        Severity severity,
        String target,
        String summary,
        List<String> evidence,
        Fix fix,
        List<Finding> symptoms) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(fix, "fix");
        evidence = List.copyOf(evidence);
        symptoms = symptoms == null ? List.of() : List.copyOf(symptoms);
    }

    /** A finding at its catalog default severity with no symptoms. */
    public static Finding of(FindingId id, String target, String summary, List<String> evidence, Fix fix) {
        return new Finding(id, id.defaultSeverity(), target, summary, evidence, fix, List.of());
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(id, newSeverity, target, summary, evidence, fix, symptoms);
    }

    public Finding withSymptoms(List<Finding> explained) {
        return new Finding(id, severity, target, summary, evidence, fix, explained);
    }

    /** The highest severity of this finding and the symptoms it explains. */
    public Severity worstSeverity() {
        Severity worst = severity;
        for (Finding symptom : symptoms) {
            if (symptom.worstSeverity().compareTo(worst) > 0) {
                worst = symptom.worstSeverity();
            }
        }
        return worst;
    }
}
