package io.rdphealth.host.xrdp;

import java.util.Set;

/**
 * The identity xrdp reads its certificate and key with.
 *
 * @param user   user name (or the uid as text when it has no name)
 * @param uid    effective uid
 * @param gid    effective (primary) gid
 * @param groups every group id the process has (primary and supplementary)
 * @param source how it was found: {@code process <pid>}, {@code xrdp.ini runtime_user}, a unit file, or the default
 */
public record RuntimeIdentity(String user, int uid, int gid, Set<Integer> groups, String source) {
    public RuntimeIdentity {
        groups = Set.copyOf(groups);
    }

    public boolean isRoot() {
        return uid == 0;
    }

    public boolean inGroup(int group) {
        return gid == group || groups.contains(group);
    }

    @Override
    public String toString() {
        return user + " (uid " + uid + ", gid " + gid + ", groups " + new java.util.TreeSet<>(groups) + "; from " + source + ")";
    }
}
