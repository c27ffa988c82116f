package io.rdphealth.fix;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The state directory on a POSIX host: {@code 0700}, owned by the user running the change (root
 * for a real fix), the {@code backups} folder in it likewise. A directory owned by someone else is
 * refused rather than taken over: its owner could read or swap the backups whatever the mode.
 * Symbolic links are refused for the same reason.
 */
public final class PosixStateDirectory implements StateDirectoryGuard {
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final int OWNER_ONLY_MODE = 0700;

    @Override
    public List<String> secure(Path stateDir) throws StateDirectoryException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            throw new StateDirectoryException("the file system of " + stateDir + " has no POSIX permissions: "
                    + "cannot make the state folder (it holds backups of private keys) owner-only");
        }
        Path dir = stateDir.toAbsolutePath();
        List<String> changes = new ArrayList<>();
        secure(dir, changes);
        secure(dir.resolve("backups"), changes);
        return changes;
    }

    private static void secure(Path dir, List<String> changes) throws StateDirectoryException {
        try {
            if (Files.isSymbolicLink(dir)) {
                throw new StateDirectoryException(dir + " is a symbolic link; the state folder must be a real directory");
            }
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(dir.getParent());
                try {
                    // Created 0700 at once (the umask can only narrow it), then set explicitly.
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    Files.setPosixFilePermissions(dir, OWNER_ONLY);
                    changes.add("created " + dir + " with mode 0700 (owner only)");
                    return;
                } catch (FileAlreadyExistsException e) {
                    // Another run created it meanwhile: check it like any existing one.
                }
            }
            if (Files.isSymbolicLink(dir)) {
                throw new StateDirectoryException(dir + " is a symbolic link; the state folder must be a real directory");
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                throw new StateDirectoryException(dir + " is not a directory");
            }
            UserPrincipal owner = Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS);
            UserPrincipal me = dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(System.getProperty("user.name"));
            if (!owner.equals(me)) {
                throw new StateDirectoryException(dir + " belongs to " + owner.getName() + ", not to " + me.getName()
                        + " who runs rdphealth: its owner could read or replace the backups of private keys; "
                        + "change its owner or use another state folder");
            }
            int mode = FileOwnership.of(dir).mode();
            if (mode != OWNER_ONLY_MODE) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY);
                changes.add("tightened " + dir + " from mode " + String.format("%04o", mode) + " to 0700 (owner only)");
            }
        } catch (StateDirectoryException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException e) {
            throw new StateDirectoryException("cannot make " + dir + " owner-only (mode 0700): " + e.getMessage(), e);
        }
    }
}
