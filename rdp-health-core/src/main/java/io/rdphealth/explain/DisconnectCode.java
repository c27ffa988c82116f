package io.rdphealth.explain;

import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a published disconnect-code list: its number, official name and meaning (in the
 * project's own short words).
 *
 * @param list    which list it belongs to
 * @param value   the number, 0..0xFFFFFFFF
 * @param name    the official constant name, e.g. {@code disconnectReasonAtClientWinsockFDCLOSE}
 * @param meaning what it means, one short line
 */
public record DisconnectCode(CodeList list, long value, String name, String meaning) {
    public DisconnectCode {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(meaning, "meaning");
        if (value < 0 || value > CodeParser.MAX_CODE) {
            throw new IllegalArgumentException("code " + value + " is outside 0..0xFFFFFFFF");
        }
    }

    /** The value as Microsoft writes it in error dialogs: {@code 0x904}. */
    public String hex() {
        return hex(value);
    }

    /** {@code 0x904 (2308)}. */
    public String hexAndDecimal() {
        return hex() + " (" + value + ")";
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value).toUpperCase(Locale.ROOT);
    }
}
