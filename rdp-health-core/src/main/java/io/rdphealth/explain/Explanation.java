package io.rdphealth.explain;

import io.rdphealth.finding.FindingId;
import java.util.List;
import java.util.Objects;

/**
 * What a client's disconnect code (and extended reason) means, what can cause it, and which
 * RDP Health checks settle it.
 *
 * @param reason        the discReason entry
 * @param extendedValue the extended reason as given, or {@code null} when none was
 * @param extended      its {@code ExtendedDisconnectReasonCode} entry; {@code null} when none was given or the
 *                      number is only an ERRINFO code (a value inside the protocol range gets a range entry)
 * @param errorInfo     the MS-RDPBCGR ERRINFO code with the extended reason's number, or {@code null}
 * @param reading       the pair in plain words
 * @param causes        catalog findings that can produce it, most likely first (empty when none can)
 * @param checks        the checks that confirm or rule out those causes, in the order to run them
 */
public record Explanation(
        DisconnectCode reason,
        Long extendedValue,
        DisconnectCode extended,
        DisconnectCode errorInfo,
        String reading,
        List<FindingId> causes,
        List<Check> checks) {

    public Explanation {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(reading, "reading");
        causes = List.copyOf(causes);
        checks = List.copyOf(checks);
    }

    public boolean isCandidate(FindingId id) {
        return causes.contains(id);
    }
}
