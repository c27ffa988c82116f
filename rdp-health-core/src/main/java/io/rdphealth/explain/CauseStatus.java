package io.rdphealth.explain;

import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import java.util.Objects;

/** Where one cause stands after a check: it holds, the evidence rules it out, or it stays open. */
public sealed interface CauseStatus {
    FindingId id();

    /**
     * The check found it.
     *
     * @param finding   the finding as the check reported it (root or symptom)
     * @param candidate whether the code's explanation named it; {@code false} for a blocking finding
     *                  the code does not usually come from (the target now fails differently)
     */
    record Holds(FindingId id, Finding finding, boolean candidate) implements CauseStatus {
        public Holds {
            Objects.requireNonNull(finding, "finding");
        }
    }

    /** The evidence excludes it; {@code why} names the evidence. */
    record RuledOut(FindingId id, String why) implements CauseStatus {
    }

    /** The check that ran cannot tell; {@code settledBy} can. */
    record Open(FindingId id, String why, Check settledBy) implements CauseStatus {
    }
}
