package io.rdphealth.host.windows;

import java.util.Objects;

/**
 * One access control entry of an SDDL DACL.
 *
 * @param type   SDDL ACE type: {@code A} allow, {@code D} deny (others kept as written)
 * @param flags  SDDL ACE flags ({@code ID} = inherited, {@code OICI} ...)
 * @param mask   access mask, with the SDDL rights letters resolved
 * @param sid    the trustee's SID in S-1-... form (well-known aliases resolved), or the alias when unknown
 * @param text   the ACE as written, without the parentheses, so untouched ACEs are written back verbatim
 */
public record Ace(String type, String flags, int mask, String sid, String text) {
    public static final int FILE_READ_DATA = 0x1;
    public static final int GENERIC_ALL = 0x10000000;
    public static final int GENERIC_READ = 0x80000000;

    public Ace {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sid, "sid");
    }

    public boolean allows() {
        return type.equals("A");
    }

    public boolean denies() {
        return type.equals("D");
    }

    public boolean inherited() {
        return flags.contains("ID");
    }

    /** Whether the mask includes reading the file's data. */
    public boolean coversRead() {
        return (mask & (FILE_READ_DATA | GENERIC_READ | GENERIC_ALL)) != 0;
    }

    /** Whether the mask includes every right of {@code required} (generic bits expanded for files). */
    public boolean covers(int required) {
        int effective = mask;
        if ((mask & GENERIC_ALL) != 0) {
            effective |= 0x1F01FF;
        }
        if ((mask & GENERIC_READ) != 0) {
            effective |= 0x120089;
        }
        return (effective & required) == required;
    }
}
