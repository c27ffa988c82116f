package io.rdphealth.report.html;

/**
 * Escaping for text that goes into the HTML report. Everything a server sent (certificate subject,
 * NTLM names, error details, finding evidence that quotes them) passes through here; nothing is
 * ever written raw.
 */
public final class Html {
    private Html() {
    }

    /**
     * Escapes text for an element's content or a quoted attribute value. Control characters
     * (which a hostile server may put in a name) become U+FFFD so they stay visible as such.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n', '\t' -> out.append(c);
                default -> out.append(Character.isISOControl(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /**
     * Makes JSON safe to place inside a {@code <script type="application/json">} element: the
     * characters that could end the element or open a comment ({@code < > &}) and the JavaScript
     * line separators are written as JSON {@code \\u} escapes, which parse back to the same string.
     * Valid because these characters can only occur inside JSON strings.
     */
    public static String scriptJson(String json) {
        StringBuilder out = new StringBuilder(json.length() + 16);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Makes trusted JavaScript (ECharts, the report's own script) safe to inline in a
     * {@code <script>} element: a {@code </script} or {@code <!--} inside it would end or confuse
     * the element (the bundled ECharts has neither; this guards an upgrade). Such sequences only
     * occur in string literals, where {@code <\/} and {@code <\!} mean the same.
     */
    static String inlineScript(String javaScript) {
        return javaScript.replaceAll("(?i)</(script)", "<\\\\/$1").replace("<!--", "<\\!--");
    }
}
