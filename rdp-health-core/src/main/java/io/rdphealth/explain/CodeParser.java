package io.rdphealth.explain;

import java.util.Locale;

/**
 * Reads a disconnect code the way people copy it from an error dialog or a log: hexadecimal with
 * a {@code 0x} prefix ({@code 0x904}, {@code 0X00000007}) or decimal ({@code 2308}). Pure: text in,
 * number out, or an {@link InvalidCodeException} naming what was wrong.
 */
public final class CodeParser {
    /** Codes are unsigned 32-bit values. */
    public static final long MAX_CODE = 0xFFFF_FFFFL;

    private CodeParser() {
    }

    /**
     * @param text  what the user wrote
     * @param label how to name the argument in a message, e.g. {@code CODE}
     */
    public static long parse(String text, String label) {
        if (text == null || text.isBlank()) {
            throw new InvalidCodeException(label + " is empty: give a number such as 0x904 or 2308");
        }
        String trimmed = text.strip();
        if (trimmed.startsWith("-")) {
            throw new InvalidCodeException(label + " '" + text + "' is negative: disconnect codes are 0..0xFFFFFFFF");
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x")) {
            return parseDigits(text, label, lower.substring(2), 16);
        }
        if (lower.chars().allMatch(ch -> digit(ch, 10) >= 0)) {
            return parseDigits(text, label, lower, 10);
        }
        if (lower.chars().allMatch(ch -> digit(ch, 16) >= 0)) {
            throw new InvalidCodeException(label + " '" + text + "' looks hexadecimal: write it with 0x, e.g. 0x" + trimmed);
        }
        throw new InvalidCodeException(label + " '" + text + "' is not a number: use hexadecimal with 0x (0x904) or decimal (2308)");
    }

    private static long parseDigits(String original, String label, String digits, int radix) {
        if (digits.isEmpty()) {
            throw new InvalidCodeException(label + " '" + original + "' has no digits after 0x");
        }
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
        }
        String significant = digits.substring(start);
        for (int i = 0; i < significant.length(); i++) {
            if (digit(significant.charAt(i), radix) < 0) {
                throw new InvalidCodeException(label + " '" + original + "' has a character that is not a "
                        + (radix == 16 ? "hexadecimal" : "decimal") + " digit: '" + significant.charAt(i) + "'");
            }
        }
        // Longer than any 32-bit value can be: refuse before parsing, so no length can overflow a long.
        int maxDigits = radix == 16 ? 8 : 10;
        long value = significant.length() > maxDigits ? Long.MAX_VALUE : Long.parseLong(significant, radix);
        if (value > MAX_CODE) {
            throw new InvalidCodeException(label + " '" + original + "' is larger than 0xFFFFFFFF (4294967295), the largest disconnect code");
        }
        return value;
    }

    /** ASCII digits only: {@link Character#digit} would also take other scripts' digits. */
    private static int digit(int ch, int radix) {
        return ch < 0x80 ? Character.digit(ch, radix) : -1;
    }
}
