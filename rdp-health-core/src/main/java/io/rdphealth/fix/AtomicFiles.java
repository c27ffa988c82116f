package io.rdphealth.fix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

/**
 * Replaces files so that a reader sees either the old or the new content, never a mix: write a
 * temporary file in the same directory (created 0600, so secret content is never exposed while
 * it is written), set owner and mode, fsync, rename over the target, fsync the directory.
 * Replacing a symbolic link replaces the link itself; the file it pointed to is left alone.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code content} to {@code target} atomically with the given ownership. */
    public static void write(Path target, byte[] content, FileOwnership ownership) throws IOException {
        Path dir = parentOf(target);
        Path temp = dir.resolve("." + target.getFileName() + ".rdphealth-" + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp,
                    java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            ownership.applyTo(temp);
            moveOver(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Points {@code target} at {@code linkTarget} as a symbolic link, atomically replacing what is there. */
    public static void symlink(Path target, Path linkTarget) throws IOException {
        Path dir = parentOf(target);
        Path temp = dir.resolve("." + target.getFileName() + ".rdphealth-" + UUID.randomUUID() + ".lnk");
        try {
            Files.createSymbolicLink(temp, linkTarget);
            moveOver(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Flushes a file's content to the disk. */
    public static void fsync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Flushes a directory's entries (renames, creations) to the disk. */
    public static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems refuse fsync on a directory; the rename itself is still atomic.
        }
    }

    private static void moveOver(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            throw new IOException("cannot replace " + target + " atomically: " + e.getMessage(), e);
        }
        fsyncDirectory(parentOf(target));
    }

    private static Path parentOf(Path target) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null) {
            throw new IllegalArgumentException(target + " has no parent directory");
        }
        return dir;
    }
}
