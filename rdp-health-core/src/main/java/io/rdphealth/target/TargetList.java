package io.rdphealth.target;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the target lists users write in one parameter: items of a list, each of which may hold
 * several targets separated by commas, semicolons or white space ({@code "a, b:3390 [::1]:3391"}).
 */
public final class TargetList {
    private TargetList() {
    }

    /**
     * The targets in input order, duplicates (same host and port) dropped.
     *
     * @throws InvalidTargetException naming the first bad entry, or saying that no target was given
     */
    public static List<Target> parse(Collection<String> items, int defaultPort) {
        Map<String, Target> unique = new LinkedHashMap<>();
        for (String item : items) {
            if (item == null) {
                continue;
            }
            for (String entry : item.split("[,;\\s]+")) {
                if (!entry.isEmpty()) {
                    Target target = Target.parse(entry, defaultPort);
                    unique.putIfAbsent(target.host().toLowerCase(java.util.Locale.ROOT) + " " + target.port(), target);
                }
            }
        }
        if (unique.isEmpty()) {
            throw new InvalidTargetException(String.join(",", items.stream().map(String::valueOf).toList()),
                    "no target given (write host, host:port or [v6]:port, separated by commas)");
        }
        return new ArrayList<>(unique.values());
    }

    /** {@link #parse(Collection, int)} of a single text. */
    public static List<Target> parse(String text, int defaultPort) {
        return parse(text == null ? List.of() : List.of(text), defaultPort);
    }
}
