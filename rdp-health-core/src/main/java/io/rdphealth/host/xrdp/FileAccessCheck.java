package io.rdphealth.host.xrdp;

import io.rdphealth.fix.FileOwnership;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Follows a file's symbolic links and decides whether an identity can read it. */
final class FileAccessCheck {
    private static final int MAX_LINKS = 40;

    private FileAccessCheck() {
    }

    static FileFacts inspect(Path configured, RuntimeIdentity identity, UnixAccounts accounts) {
        List<String> links = new ArrayList<>();
        List<Path> visited = new ArrayList<>();
        Path current = configured.toAbsolutePath().normalize();
        String denial = null;
        try {
            for (int hop = 0; Files.isSymbolicLink(current); hop++) {
                if (hop == MAX_LINKS) {
                    return new FileFacts(configured, links, null, false, null, false,
                            "more than " + MAX_LINKS + " symbolic links (a loop?)");
                }
                visited.add(current);
                Path target = Files.readSymbolicLink(current);
                Path next = current.getParent().resolve(target).normalize();
                links.add(current + " -> " + target);
                current = next;
            }
            visited.add(current);
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                return new FileFacts(configured, links, links.isEmpty() ? current : null, false, null, false,
                        (links.isEmpty() ? current : "link target " + current) + " does not exist");
            }
            for (Path path : visited) {
                if (denial == null) {
                    denial = searchDenial(path, identity, accounts);
                }
            }
            FileOwnership ownership = FileOwnership.of(current);
            if (denial == null && !PosixAccess.allows(identity, ownership, PosixAccess.READ)) {
                denial = "user " + identity.user() + " cannot read " + current + " (owner "
                        + accounts.userName(ownership.uid()) + ", group " + accounts.groupName(ownership.gid())
                        + ", mode " + String.format("%04o", ownership.mode()) + ")";
            }
            return new FileFacts(configured, links, current, true, ownership, denial == null, denial);
        } catch (IOException e) {
            return new FileFacts(configured, links, null, false, null, false, "cannot inspect " + current + ": " + e);
        }
    }

    /** The first directory above {@code path} the identity cannot search, described; null when all can be. */
    private static String searchDenial(Path path, RuntimeIdentity identity, UnixAccounts accounts) throws IOException {
        Path dir = path.getParent();
        if (dir == null) {
            return null;
        }
        Path real = dir.toRealPath();
        List<Path> chain = new ArrayList<>();
        for (Path p = real; p != null; p = p.getParent()) {
            chain.add(0, p);
        }
        for (Path d : chain) {
            FileOwnership ownership = FileOwnership.of(d);
            if (!PosixAccess.allows(identity, ownership, PosixAccess.SEARCH)) {
                return "user " + identity.user() + " cannot enter directory " + d + " (owner "
                        + accounts.userName(ownership.uid()) + ", group " + accounts.groupName(ownership.gid())
                        + ", mode " + String.format("%04o", ownership.mode()) + ")";
            }
        }
        return null;
    }
}
