package io.rdphealth.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.Severity;
import java.time.Instant;
import java.util.ArrayList;
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
 * @param gateway       the RD Gateway probed with the targets, or {@code null}
 */
public record RunReport(int schemaVersion, String tool, Instant startedAt, double millis, List<TargetResult> targets,
        GatewayResult gateway) {
    public static final int SCHEMA_VERSION = 1;

    public RunReport {
        targets = List.copyOf(targets);
    }

    /** A run without a gateway. */
    public RunReport(int schemaVersion, String tool, Instant startedAt, double millis, List<TargetResult> targets) {
        this(schemaVersion, tool, startedAt, millis, targets, null);
    }

    /** The worst severity over the targets and the gateway; {@code null} when nothing was found. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public Severity worstSeverity() {
        List<Severity> all = new ArrayList<>();
        targets.forEach(t -> all.add(t.worstSeverity()));
        if (gateway != null) {
            gateway.findings().forEach(f -> all.add(f.worstSeverity()));
        }
        return all.stream().filter(s -> s != null).max(Enum::compareTo).orElse(null);
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public HealthState state() {
        return HealthState.of(worstSeverity());
    }

    /** Every root finding of the run: the targets' and the gateway's. */
    public List<Finding> allFindings() {
        List<Finding> all = new ArrayList<>();
        targets.forEach(t -> all.addAll(t.findings()));
        if (gateway != null) {
            all.addAll(gateway.findings());
        }
        return all;
    }
}
