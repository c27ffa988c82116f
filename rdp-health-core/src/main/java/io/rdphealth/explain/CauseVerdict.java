package io.rdphealth.explain;

import io.rdphealth.evidence.ExchangeFailure;
import io.rdphealth.evidence.FailureKind;
import io.rdphealth.evidence.NegotiationEvidence;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingGroup;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Severity;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.TargetResult;
import io.rdphealth.wire.SecurityProtocol;
import io.rdphealth.wire.X224Confirm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which of an explanation's candidate causes a check run confirms, which its evidence rules out,
 * and which stay open because only another check (host inspection, the gateway probe) can tell.
 *
 * <p>The reasoning follows the client's connection sequence ({@link Stage}): a cause that would
 * show at a stage the probe never reached is ruled out when an earlier stage already fails (a
 * client never gets that far); a cause whose stage the probe passes is ruled out from where the
 * probe ran; a host cause at the stage where the probe fails stays open, since it could be what
 * makes that stage fail.
 *
 * @param target   the target as the user wrote it
 * @param failedAt the stage where the connection fails from the probe's vantage point (the furthest any
 *                 address got), or {@code null} when some address completes the whole sequence
 * @param statuses one entry per candidate cause, then blocking findings the code does not usually
 *                 come from; holds first, then ruled out, then open
 */
public record CauseVerdict(String target, Stage failedAt, List<CauseStatus> statuses) {
    /** A cause absent from a run with fewer connects than this cannot be ruled out as network instability. */
    static final int MIN_SAMPLES_FOR_STABILITY = 3;

    public CauseVerdict {
        Objects.requireNonNull(target, "target");
        statuses = List.copyOf(statuses);
    }

    public List<CauseStatus.Holds> holds() {
        return of(CauseStatus.Holds.class);
    }

    public List<CauseStatus.RuledOut> ruledOut() {
        return of(CauseStatus.RuledOut.class);
    }

    public List<CauseStatus.Open> open() {
        return of(CauseStatus.Open.class);
    }

    private <T extends CauseStatus> List<T> of(Class<T> type) {
        return statuses.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** One verdict per target of the run, in the run's order. */
    public static List<CauseVerdict> judge(Explanation explanation, RunReport report) {
        return report.targets().stream().map(target -> judge(explanation, target)).toList();
    }

    public static CauseVerdict judge(Explanation explanation, TargetResult result) {
        Map<FindingId, Finding> present = flatten(result.findings());
        List<Stage> failures = new ArrayList<>();
        List<WireEvidence> addresses = result.dns() != null && result.dns().resolved() ? result.addresses() : List.of();
        if (addresses.isEmpty()) {
            failures.add(Stage.NAME);
        } else {
            for (WireEvidence address : addresses) {
                failures.add(failedAt(address, present));
            }
        }

        List<CauseStatus> holds = new ArrayList<>();
        List<CauseStatus> ruledOut = new ArrayList<>();
        List<CauseStatus> open = new ArrayList<>();
        for (FindingId candidate : explanation.causes()) {
            Finding found = present.get(candidate);
            if (found != null) {
                holds.add(new CauseStatus.Holds(candidate, found, true));
                continue;
            }
            CauseStatus merged = null;
            for (int i = 0; i < failures.size(); i++) {
                WireEvidence address = addresses.isEmpty() ? null : addresses.get(i);
                CauseStatus status = assess(candidate, failures.get(i), address, present);
                if (merged == null || status instanceof CauseStatus.Open) {
                    merged = status;
                }
                if (status instanceof CauseStatus.Open) {
                    break;
                }
            }
            (merged instanceof CauseStatus.Open ? open : ruledOut).add(merged);
        }
        // Blocking wire findings at the stage where the probe fails hold even when the code does not usually come from them.
        for (Finding finding : present.values()) {
            StageSpan span = StageSpan.of(finding.id());
            if (!explanation.isCandidate(finding.id()) && isWire(finding.id()) && span != null
                    && finding.severity().isAtLeast(Severity.ERROR) && failures.contains(span.first())) {
                holds.add(new CauseStatus.Holds(finding.id(), finding, false));
            }
        }
        List<CauseStatus> all = new ArrayList<>(holds);
        all.addAll(ruledOut);
        all.addAll(open);
        return new CauseVerdict(result.target().input(), furthest(failures), all);
    }

    private static CauseStatus assess(FindingId id, Stage failedAt, WireEvidence address, Map<FindingId, Finding> present) {
        StageSpan span = StageSpan.of(id);
        Check settledBy = Check.settling(id);
        if (span == null) {
            return new CauseStatus.Open(id, "only the " + settledBy.description() + " can see it", settledBy);
        }
        if (failedAt != null && failedAt.isBefore(span.first())) {
            return new CauseStatus.RuledOut(id, "the connection already fails at " + failedAt.label() + describe(failedAt, present)
                    + ", before the " + span.first().label() + " where it would show");
        }
        if (id == FindingId.NETWORK_UNSTABLE && (address == null || address.tcp() == null
                || address.tcp().samples().size() < MIN_SAMPLES_FOR_STABILITY)) {
            return new CauseStatus.Open(id, "too few connects to judge stability; repeat with --samples 10", settledBy);
        }
        boolean passed = failedAt == null || span.last().isBefore(failedAt);
        if (passed) {
            return new CauseStatus.RuledOut(id, isWire(id)
                    ? "the probe passed the " + span.last().label() + " without seeing it"
                    : "from where the probe ran, the " + span.last().label() + " works; this would break it");
        }
        if (isWire(id)) {
            return new CauseStatus.RuledOut(id, "the probe saw the " + failedAt.label() + " fail" + describe(failedAt, present)
                    + ", not this way");
        }
        return new CauseStatus.Open(id, "could be why the " + failedAt.label() + " fails" + describe(failedAt, present)
                + "; only the " + settledBy.description() + " can tell", settledBy);
    }

    /**
     * The stage at which this address's connection fails for a client, from the evidence: the
     * failed exchange, a negotiation failure or a downgrade where TLS was asked, a failed handshake,
     * or only legacy TLS versions on offer.
     */
    static Stage failedAt(WireEvidence address, Map<FindingId, Finding> present) {
        NegotiationEvidence preferred = address.preferred();
        if (preferred == null) {
            return Stage.TCP;
        }
        ExchangeFailure failure = preferred.failure();
        if (failure != null) {
            return failure.kind() == FailureKind.REFUSED || failure.kind() == FailureKind.CONNECT_TIMEOUT
                    || failure.kind() == FailureKind.DNS_UNRESOLVED ? Stage.TCP : Stage.NEGOTIATION;
        }
        if (preferred.confirm() instanceof X224Confirm.NegotiationFailure || preferred.selected() == SecurityProtocol.RDP
                || preferred.selected() == null) {
            return Stage.NEGOTIATION;
        }
        if (address.tls() != null && !address.tls().succeeded()) {
            return Stage.TLS;
        }
        if (present.containsKey(FindingId.TLS_NO_MODERN_VERSION)) {
            return Stage.TLS;
        }
        return null;
    }

    private static String describe(Stage stage, Map<FindingId, Finding> present) {
        String ids = present.keySet().stream()
                .filter(id -> isWire(id) && StageSpan.of(id) != null && StageSpan.of(id).first() == stage
                        && present.get(id).severity().isAtLeast(Severity.ERROR))
                .map(Enum::name).collect(Collectors.joining(", "));
        return ids.isEmpty() ? "" : " (" + ids + ")";
    }

    private static boolean isWire(FindingId id) {
        FindingGroup group = id.group();
        return group == FindingGroup.NETWORK || group == FindingGroup.NEGOTIATION || group == FindingGroup.TLS_CERTIFICATE;
    }

    /** The furthest any address got: {@code null} (none failed) beats every stage. */
    private static Stage furthest(List<Stage> failures) {
        Stage furthest = null;
        for (Stage stage : failures) {
            if (stage == null) {
                return null;
            }
            if (furthest == null || furthest.isBefore(stage)) {
                furthest = stage;
            }
        }
        return furthest;
    }

    private static Map<FindingId, Finding> flatten(List<Finding> findings) {
        Map<FindingId, Finding> byId = new LinkedHashMap<>();
        List<Finding> queue = new ArrayList<>(findings);
        for (int i = 0; i < queue.size(); i++) {
            Finding finding = queue.get(i);
            byId.putIfAbsent(finding.id(), finding);
            queue.addAll(finding.symptoms());
        }
        return byId;
    }
}
