package io.rdphealth.report.console;

/**
 * Text for a terminal. Server-sent strings may carry escape sequences that would recolour, move
 * the cursor or retitle the user's terminal, or bidirectional overrides that reorder what is
 * shown; they are replaced by {@code ?} before printing.
 */
final class TerminalText {
    private TerminalText() {
    }

    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bidi = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
            out.append(Character.isISOControl(c) || bidi ? '?' : c);
        }
        return out.toString();
    }

    /** Shortens to {@code max} characters, marking the cut with an ellipsis. */
    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(0, max - 1)) + "…";
    }
}
