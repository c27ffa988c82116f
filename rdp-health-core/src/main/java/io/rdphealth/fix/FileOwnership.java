package io.rdphealth.fix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Owner, group and permission bits of a file (POSIX).
 *
 * @param uid  owner user id
 * @param gid  owner group id
 * @param mode permission bits, e.g. {@code 0640}
 */
public record FileOwnership(int uid, int gid, int mode) {
    public FileOwnership {
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("mode " + Integer.toOctalString(mode) + " is not a permission mode");
        }
    }

    /** The ownership of {@code path} itself (a symbolic link is not followed). */
    public static FileOwnership of(Path path) throws IOException {
        int uid = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int gid = (Integer) Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return new FileOwnership(uid, gid, mode & 07777);
    }

    /** Sets owner, group and mode on {@code path} (not following a link). */
    public void applyTo(Path path) throws IOException {
        Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        // chown may clear set-id bits; the mode goes last.
        Files.setAttribute(path, "unix:mode", mode, LinkOption.NOFOLLOW_LINKS);
    }

    public FileOwnership withMode(int newMode) {
        return new FileOwnership(uid, gid, newMode);
    }

    public FileOwnership withGid(int newGid) {
        return new FileOwnership(uid, newGid, mode);
    }

    /** {@code uid:gid 0640}. */
    @Override
    public String toString() {
        return uid + ":" + gid + " " + String.format("%04o", mode);
    }
}
