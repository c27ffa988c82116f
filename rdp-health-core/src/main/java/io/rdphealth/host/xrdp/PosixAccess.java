package io.rdphealth.host.xrdp;

import io.rdphealth.fix.FileOwnership;

/**
 * The kernel's permission rule for one access, as a pure function: root may read anything and
 * search any directory; otherwise the owner class, else the group class (primary or
 * supplementary), else the others class decides, with no fall-through. POSIX ACLs are not
 * evaluated (xrdp installs do not use them; the docs say so).
 */
public final class PosixAccess {
    public static final int READ = 4;
    public static final int SEARCH = 1;

    private PosixAccess() {
    }

    public static boolean allows(RuntimeIdentity identity, FileOwnership file, int access) {
        if (identity.isRoot()) {
            // CAP_DAC_OVERRIDE: read and search are always allowed (execute of files would differ).
            return true;
        }
        int bits;
        if (identity.uid() == file.uid()) {
            bits = (file.mode() >> 6) & 7;
        } else if (identity.inGroup(file.gid())) {
            bits = (file.mode() >> 3) & 7;
        } else {
            bits = file.mode() & 7;
        }
        return (bits & access) == access;
    }
}
