package io.rdphealth.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rdphealth.finding.Severity;
import java.time.Instant;
import java.util.List;

/**
 * One run over a list of targets: the unit the JSON format, the reports, the history and the
 * Jenkins build action store.
 *
 * @param schemaVersion version of the JSON format ({@link #SCHEMA_VERSION}); readers reject newer majors
 * @param tool          tool name and version that produced it
 * @param startedAt     start of the run
 * @param millis        wall time of the run
 * @param targets       results in input order
 */
public record RunReport(int schemaVersion, String tool, Instant startedAt, double millis, List<TargetResult> targets) {
    public static final int SCHEMA_VERSION = 1;

    public RunReport {
        targets = List.copyOf(targets);
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Severity worstSeverity() {
        Severity worst = null;
        for (TargetResult target : targets) {
            Severity s = target.worstSeverity();
            if (s != null && (worst == null || s.compareTo(worst) > 0)) {
                worst = s;
            }
        }
        return worst;
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public HealthState state() {
        return HealthState.of(worstSeverity());
    }
}
