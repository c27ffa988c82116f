package io.rdphealth.host.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A parsed SDDL security descriptor: owner, group and DACL (the SACL is not needed and not kept).
 * Parsing and the access questions are pure, so the key-ACL checks and repairs are tested without
 * Windows. Produced by {@link Sddl#parse}.
 *
 * @param owner      owner SID or {@code null}
 * @param group      primary group SID or {@code null}
 * @param daclFlags  DACL flags ({@code P} protected, {@code AI} auto-inherited)
 * @param dacl       the DACL's ACEs in order
 */
public record SecurityDescriptor(String owner, String group, String daclFlags, List<Ace> dacl) {
    /** Groups NETWORK SERVICE is a member of for access checks on files: itself, Everyone, Authenticated Users, SERVICE. */
    public static final Set<String> NETWORK_SERVICE_GROUPS = Set.of(
            WindowsConstants.SID_NETWORK_SERVICE, WindowsConstants.SID_EVERYONE, "S-1-5-11", "S-1-5-6");

    public SecurityDescriptor {
        daclFlags = daclFlags == null ? "" : daclFlags;
        dacl = List.copyOf(dacl);
    }

    /**
     * Whether a principal that belongs to {@code sids} may read the file's data: some allow ACE
     * covers read and no deny ACE for one of its SIDs covers read.
     */
    public boolean grantsRead(Set<String> sids) {
        boolean allowed = false;
        for (Ace ace : dacl) {
            if (!sids.contains(ace.sid()) || !ace.coversRead()) {
                continue;
            }
            if (ace.denies()) {
                return false;
            }
            if (ace.allows()) {
                allowed = true;
            }
        }
        return allowed;
    }

    public boolean networkServiceCanRead() {
        return grantsRead(NETWORK_SERVICE_GROUPS);
    }

    /** Whether an allow ACE for {@code sid} covers all of {@code rights} (and no deny ACE for it exists). */
    public boolean allowsAll(String sid, int rights) {
        boolean denied = dacl.stream().anyMatch(a -> a.denies() && a.sid().equals(sid) && (a.mask() & rights) != 0);
        return !denied && dacl.stream().anyMatch(a -> a.allows() && a.sid().equals(sid) && a.covers(rights));
    }

    /**
     * This descriptor with NETWORK SERVICE allowed to read: deny ACEs naming NETWORK SERVICE are
     * removed and an explicit {@code (A;;FR;;;NS)} is placed after the explicit ACEs (canonical order).
     */
    public SecurityDescriptor withNetworkServiceRead() {
        List<Ace> result = new ArrayList<>();
        for (Ace ace : dacl) {
            if (!(ace.denies() && ace.sid().equals(WindowsConstants.SID_NETWORK_SERVICE) && !ace.inherited())) {
                result.add(ace);
            }
        }
        int insertAt = 0;
        while (insertAt < result.size() && !result.get(insertAt).inherited()) {
            insertAt++;
        }
        result.add(insertAt, new Ace("A", "", 0x120089, WindowsConstants.SID_NETWORK_SERVICE, "A;;FR;;;NS"));
        return new SecurityDescriptor(owner, group, daclFlags, result);
    }

    /** The SDDL text: {@code O:.. G:.. D:flags(ace)...}. */
    public String toSddl() {
        StringBuilder sb = new StringBuilder();
        if (owner != null) {
            sb.append("O:").append(Sddl.alias(owner));
        }
        if (group != null) {
            sb.append("G:").append(Sddl.alias(group));
        }
        sb.append("D:").append(daclFlags);
        for (Ace ace : dacl) {
            sb.append('(').append(ace.text()).append(')');
        }
        return sb.toString();
    }
}
