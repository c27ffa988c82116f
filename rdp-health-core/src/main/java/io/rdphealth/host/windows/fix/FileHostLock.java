package io.rdphealth.host.windows.fix;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A host-wide lock as an OS file lock ({@code %ProgramData%\RdpHealth\fix.lock} on Windows): it
 * is released by the OS when the process dies, so a crashed fix never blocks the next one.
 */
public final class FileHostLock implements HostLock {
    private final Path file;

    public FileHostLock(Path file) {
        this.file = file;
    }

    @Override
    public Lease acquire() throws FixRefusedException {
        FileChannel channel = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new FixRefusedException("another rdphealth fix is running on this host (lock " + file + ")");
            }
            FileChannel held = channel;
            return () -> {
                try {
                    lock.release();
                    held.close();
                } catch (IOException e) {
                    // the OS releases the lock when the channel or the process goes away
                }
            };
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new FixRefusedException("another rdphealth fix is running in this process (lock " + file + ")");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new FixRefusedException("cannot take the lock " + file + ": " + e.getMessage());
        } catch (FixRefusedException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing held
            }
        }
    }
}
