package io.rdphealth.host.xrdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Picks the xrdp log lines that explain TLS and certificate trouble (pure). */
public final class XrdpLogFilter {
    /** Phrases of xrdp 0.9/0.10 and OpenSSL messages about certificates, keys and TLS. */
    private static final List<String> PHRASES = List.of(
            "certificate", "private key", "key file", "do not match", "ee key too small", "ssl_accept",
            "tls", "ssl", "permission denied", "cipher", "security layer", "protocol");

    private XrdpLogFilter() {
    }

    /** The last {@code max} relevant lines of {@code text}, oldest first, each cut to 300 characters. */
    public static List<String> relevant(String text, int max) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (PHRASES.stream().anyMatch(lower::contains)) {
                lines.add(line.length() > 300 ? line.substring(0, 297) + "..." : line.stripTrailing());
            }
        }
        return lines.size() <= max ? lines : List.copyOf(lines.subList(lines.size() - max, lines.size()));
    }
}
