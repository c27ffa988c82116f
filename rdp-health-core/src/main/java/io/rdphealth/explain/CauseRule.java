package io.rdphealth.explain;

import io.rdphealth.finding.FindingId;
import java.util.List;
import java.util.Objects;

/**
 * What a code tells about the failure: a reading in plain words and the catalog findings that can
 * produce it (empty when nothing RDP Health checks can: credentials, licensing, client faults).
 */
public record CauseRule(String reading, List<FindingId> causes) {
    public CauseRule {
        Objects.requireNonNull(reading, "reading");
        causes = List.copyOf(causes);
    }
}
