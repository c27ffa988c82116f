package io.rdphealth.fix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Backs up one directory entry (a regular file with its owner and mode, a symbolic link with its
 * target, or the fact that nothing was there) and restores it. The restore is the
 * {@value #KIND} compensation; it is atomic and idempotent.
 */
public final class FileBackup implements CompensationHandler {
    public static final String KIND = "restore-file";
    /** Largest file backed up: the files this project changes are certificates and keys. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * Saves the current state of {@code path} into {@code backupDir} (content copied and fsynced
     * before this returns) and returns the compensation that puts it back.
     */
    public static Compensation backup(Path path, Path backupDir, String label) throws IOException {
        Map<String, String> params = new HashMap<>();
        params.put("path", path.toAbsolutePath().toString());
        if (Files.isSymbolicLink(path)) {
            params.put("state", "symlink");
            params.put("linkTarget", Files.readSymbolicLink(path).toString());
        } else if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException(path + " is not a regular file or link; refusing to change it");
            }
            if (Files.size(path) > MAX_BYTES) {
                throw new IOException(path + " is larger than " + MAX_BYTES + " bytes; refusing to back it up");
            }
            Files.createDirectories(backupDir);
            Path copy = backupDir.resolve(label);
            Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
            Files.setAttribute(copy, "unix:mode", 0600, LinkOption.NOFOLLOW_LINKS);
            AtomicFiles.fsync(copy);
            AtomicFiles.fsyncDirectory(backupDir);
            FileOwnership ownership = FileOwnership.of(path);
            params.put("state", "regular");
            params.put("backup", copy.toAbsolutePath().toString());
            params.put("uid", Integer.toString(ownership.uid()));
            params.put("gid", Integer.toString(ownership.gid()));
            params.put("mode", Integer.toOctalString(ownership.mode()));
        } else {
            params.put("state", "absent");
        }
        return new Compensation(KIND, params);
    }

    @Override
    public void undo(Compensation compensation) throws IOException {
        Path path = Path.of(compensation.require("path"));
        String state = compensation.require("state");
        switch (state) {
            case "absent" -> {
                Files.deleteIfExists(path);
                AtomicFiles.fsyncDirectory(path.toAbsolutePath().getParent());
            }
            case "symlink" -> AtomicFiles.symlink(path, Path.of(compensation.require("linkTarget")));
            case "regular" -> {
                Path copy = Path.of(compensation.require("backup"));
                if (Files.size(copy) > MAX_BYTES) {
                    throw new IOException("backup " + copy + " is larger than " + MAX_BYTES + " bytes");
                }
                FileOwnership ownership = new FileOwnership(Integer.parseInt(compensation.require("uid")),
                        Integer.parseInt(compensation.require("gid")),
                        Integer.parseInt(compensation.require("mode"), 8));
                AtomicFiles.write(path, Files.readAllBytes(copy), ownership);
            }
            default -> throw new IOException("unknown backup state '" + state + "' for " + path);
        }
    }

    @Override
    public String describeUndo(Compensation compensation) {
        return describe(compensation);
    }

    /** A human description of what the compensation restores. */
    public static String describe(Compensation compensation) {
        String path = compensation.params().get("path");
        return switch (compensation.params().getOrDefault("state", "?")) {
            case "absent" -> "remove " + path + " (it did not exist)";
            case "symlink" -> "restore link " + path + " -> " + compensation.params().get("linkTarget");
            default -> "restore " + path + " from " + compensation.params().get("backup");
        };
    }
}
