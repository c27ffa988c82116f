package io.rdphealth.host.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A pure parser for the SDDL text the Windows port returns for files and folders. It resolves the
 * well-known SID aliases and the rights letters the file system uses; it rejects malformed text
 * with a message naming the bad part. Input is bounded ({@link #MAX_LENGTH}).
 */
public final class Sddl {
    public static final int MAX_LENGTH = 64 * 1024;

    private static final Map<String, String> SID_ALIASES = Map.ofEntries(
            Map.entry("NS", WindowsConstants.SID_NETWORK_SERVICE),
            Map.entry("SY", WindowsConstants.SID_SYSTEM),
            Map.entry("BA", WindowsConstants.SID_ADMINISTRATORS),
            Map.entry("WD", WindowsConstants.SID_EVERYONE),
            Map.entry("AU", "S-1-5-11"),
            Map.entry("SU", "S-1-5-6"),
            Map.entry("BU", "S-1-5-32-545"),
            Map.entry("LS", "S-1-5-19"),
            Map.entry("CO", "S-1-3-0"),
            Map.entry("IU", "S-1-5-4"),
            Map.entry("AN", "S-1-5-7"),
            Map.entry("NU", "S-1-5-2"));

    private static final Map<String, Integer> RIGHTS = Map.ofEntries(
            Map.entry("GA", 0x10000000), Map.entry("GX", 0x20000000), Map.entry("GW", 0x40000000),
            Map.entry("GR", 0x80000000), Map.entry("RC", 0x20000), Map.entry("SD", 0x10000),
            Map.entry("WD", 0x40000), Map.entry("WO", 0x80000), Map.entry("RP", 0x10), Map.entry("WP", 0x20),
            Map.entry("CC", 0x1), Map.entry("DC", 0x2), Map.entry("LC", 0x4), Map.entry("SW", 0x8),
            Map.entry("LO", 0x80), Map.entry("DT", 0x40), Map.entry("CR", 0x100),
            Map.entry("FA", 0x1F01FF), Map.entry("FR", 0x120089), Map.entry("FW", 0x120116), Map.entry("FX", 0x1200A0),
            Map.entry("KA", 0xF003F), Map.entry("KR", 0x20019), Map.entry("KW", 0x20006), Map.entry("KX", 0x20019));

    private Sddl() {
    }

    /**
     * Parses SDDL text.
     *
     * @throws IllegalArgumentException naming what is malformed
     */
    public static SecurityDescriptor parse(String sddl) {
        if (sddl == null || sddl.isBlank()) {
            throw new IllegalArgumentException("empty security descriptor");
        }
        if (sddl.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("security descriptor longer than " + MAX_LENGTH + " characters");
        }
        String owner = null;
        String group = null;
        String daclFlags = "";
        List<Ace> dacl = new ArrayList<>();
        int i = 0;
        String text = sddl.trim();
        while (i < text.length()) {
            if (i + 1 >= text.length() || text.charAt(i + 1) != ':') {
                throw new IllegalArgumentException("expected O:, G:, D: or S: at offset " + i + " in '" + text + "'");
            }
            char part = text.charAt(i);
            int start = i + 2;
            int end = nextPart(text, start);
            String body = text.substring(start, end);
            switch (part) {
                case 'O' -> owner = sid(body);
                case 'G' -> group = sid(body);
                case 'D' -> {
                    int paren = body.indexOf('(');
                    daclFlags = paren < 0 ? body : body.substring(0, paren);
                    if (paren >= 0) {
                        parseAces(body.substring(paren), dacl);
                    }
                }
                case 'S' -> {
                    // SACL: not needed for access checks
                }
                default -> throw new IllegalArgumentException("unknown SDDL part '" + part + ":' at offset " + i);
            }
            i = end;
        }
        return new SecurityDescriptor(owner, group, daclFlags, dacl);
    }

    /** The index where the next top-level "X:" part starts (outside parentheses); SIDs and flags contain no ':'. */
    private static int nextPart(String text, int from) {
        int depth = 0;
        for (int j = from; j < text.length(); j++) {
            char c = text.charAt(j);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && "OGDS".indexOf(c) >= 0 && j + 1 < text.length() && text.charAt(j + 1) == ':') {
                return j;
            }
        }
        return text.length();
    }

    private static void parseAces(String text, List<Ace> out) {
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '(') {
                throw new IllegalArgumentException("expected '(' at '" + text.substring(i) + "'");
            }
            int close = text.indexOf(')', i);
            if (close < 0) {
                throw new IllegalArgumentException("unterminated ACE '" + text.substring(i) + "'");
            }
            out.add(ace(text.substring(i + 1, close)));
            i = close + 1;
        }
    }

    private static Ace ace(String text) {
        String[] f = text.split(";", -1);
        if (f.length < 6) {
            throw new IllegalArgumentException("ACE '" + text + "' has " + f.length + " fields, expected 6");
        }
        if (f[0].isEmpty()) {
            throw new IllegalArgumentException("ACE '" + text + "' has no type");
        }
        return new Ace(f[0], f[1], rights(f[2], text), sid(f[5]), text);
    }

    private static int rights(String rights, String ace) {
        String r = rights.trim();
        if (r.isEmpty()) {
            throw new IllegalArgumentException("ACE '" + ace + "' has no rights");
        }
        if (r.startsWith("0x") || r.startsWith("0X")) {
            try {
                return (int) Long.parseLong(r.substring(2), 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("ACE '" + ace + "' has bad rights '" + rights + "'");
            }
        }
        if (r.length() % 2 != 0) {
            throw new IllegalArgumentException("ACE '" + ace + "' has bad rights '" + rights + "'");
        }
        int mask = 0;
        for (int i = 0; i < r.length(); i += 2) {
            Integer bits = RIGHTS.get(r.substring(i, i + 2).toUpperCase(Locale.ROOT));
            if (bits == null) {
                throw new IllegalArgumentException("ACE '" + ace + "' has unknown right '" + r.substring(i, i + 2) + "'");
            }
            mask |= bits;
        }
        return mask;
    }

    private static String sid(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty SID");
        }
        return SID_ALIASES.getOrDefault(t.toUpperCase(Locale.ROOT), t);
    }

    /** The SDDL alias of a SID when there is one (for writing), else the SID. */
    static String alias(String sid) {
        return SID_ALIASES.entrySet().stream().filter(e -> e.getValue().equals(sid)).map(Map.Entry::getKey)
                .findFirst().orElse(sid);
    }
}
