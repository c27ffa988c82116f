package io.rdphealth.explain;

import io.rdphealth.finding.FindingId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decodes a client's disconnect code and extended reason into an {@link Explanation}. Pure: tables
 * in, explanation out; codes that are in none of the lists raise an {@link InvalidCodeException}
 * that says which list was searched and, when it can tell, what was probably meant.
 */
public final class CodeExplainer {

    /** Parses and explains; {@code extendedText} may be {@code null}. */
    public Explanation explain(String reasonText, String extendedText) {
        long reason = CodeParser.parse(reasonText, "CODE");
        Long extended = extendedText == null ? null : CodeParser.parse(extendedText, "EXTENDED");
        if (DisconnectReasons.TABLE.find(reason).isEmpty()) {
            throw unknownReason(reasonText, reason);
        }
        return explain(reason, extended);
    }

    public Explanation explain(long reason) {
        return explain(reason, null);
    }

    /** Explains a discReason and an optional extended reason (numbers as the client reports them). */
    public Explanation explain(long reason, Long extendedValue) {
        DisconnectCode reasonCode = DisconnectReasons.TABLE.find(reason)
                .orElseThrow(() -> unknownReason(null, reason));
        CauseRule rule = LikelyCauses.forReason(reason);
        DisconnectCode extended = null;
        DisconnectCode errorInfo = null;
        String reading = reasonCode.meaning() + ": " + rule.reading();
        if (extendedValue != null) {
            long value = extendedValue;
            extended = extendedEntry(value).orElse(null);
            errorInfo = ErrorInfoCodes.TABLE.find(value).orElse(null);
            if (extended == null && errorInfo == null) {
                throw new InvalidCodeException("EXTENDED " + DisconnectCode.hex(value) + " (" + value + ") is neither in the "
                        + CodeList.EXTENDED_REASON.source() + " list nor an MS-RDPBCGR ERRINFO code");
            }
            Optional<CauseRule> extendedRule = LikelyCauses.forExtended(value);
            if (extendedRule.isPresent()) {
                rule = extendedRule.get();
                reading = reasonCode.meaning() + "; extended: " + rule.reading();
            }
        }
        return new Explanation(reasonCode, extendedValue, extended, errorInfo, reading, rule.causes(), checksFor(rule.causes()));
    }

    /** The named entry, or a range entry for a number inside the published protocol error range. */
    private static Optional<DisconnectCode> extendedEntry(long value) {
        Optional<DisconnectCode> named = ExtendedReasons.TABLE.find(value);
        if (named.isPresent() || !ExtendedReasons.inProtocolRange(value)) {
            return named;
        }
        return Optional.of(new DisconnectCode(CodeList.EXTENDED_REASON, value, "exDiscReasonProtocolRangeStart+" + (value - ExtendedReasons.PROTOCOL_RANGE_START),
                "an internal protocol error (inside the published range 4096..32767)"));
    }

    private static List<Check> checksFor(List<FindingId> causes) {
        Set<Check> checks = EnumSet.noneOf(Check.class);
        for (FindingId id : causes) {
            checks.add(Check.settling(id));
        }
        return new ArrayList<>(checks);
    }

    private static InvalidCodeException unknownReason(String text, long value) {
        StringBuilder message = new StringBuilder("CODE ")
                .append(text == null ? DisconnectCode.hex(value) : "'" + text.strip() + "'")
                .append(" = ").append(DisconnectCode.hex(value)).append(" (").append(value).append(") is not in the ")
                .append(CodeList.DISCONNECT_REASON.source()).append(" list");
        if (text != null && !text.strip().toLowerCase(java.util.Locale.ROOT).startsWith("0x")) {
            try {
                long asHex = Long.parseLong(text.strip(), 16);
                DisconnectReasons.TABLE.find(asHex).ifPresent(code -> message.append("; did you mean ").append(code.hex())
                        .append(" (").append(code.name()).append(")?"));
            } catch (NumberFormatException e) {
                // Not hex digits either: no hint to give.
            }
        }
        ExtendedReasons.TABLE.find(value).ifPresent(code -> message.append("; ").append(code.hex()).append(" is the extended reason ")
                .append(code.name()).append(": give it as EXTENDED after the disconnect code, e.g. 'explain 0x904 ").append(code.hex()).append("'"));
        return new InvalidCodeException(message.toString());
    }
}
