package io.rdphealth.fix;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * An exclusive lock for changes on this host: two runs that change the host serialize on it, in
 * different processes (an OS file lock, released by the kernel if the holder dies) or in the same
 * JVM (the overlapping-lock case is treated like a lock held by someone else).
 */
public final class HostLock implements AutoCloseable {
    private static final long POLL_MILLIS = 50;

    private final FileChannel channel;
    private final FileLock lock;

    private HostLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Waits up to {@code maxWait} for the lock.
     *
     * @throws LockTimeoutException naming the lock file and its holder when it stays taken
     */
    public static HostLock acquire(Path lockFile, Duration maxWait) throws IOException {
        Files.createDirectories(lockFile.toAbsolutePath().getParent());
        Instant deadline = Instant.now().plus(maxWait);
        while (true) {
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = null;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock != null) {
                String holder = "pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n";
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
                return new HostLock(channel, lock);
            }
            channel.close();
            if (Instant.now().isAfter(deadline)) {
                throw new LockTimeoutException("another change holds " + lockFile + " (" + holder(lockFile)
                        + ") for longer than " + maxWait.toSeconds() + " s");
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + lockFile, e);
            }
        }
    }

    private static String holder(Path lockFile) {
        try {
            byte[] bytes = Files.readAllBytes(lockFile);
            return new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** The lock stayed taken for longer than the caller wanted to wait. */
    public static final class LockTimeoutException extends IOException {
        private static final long serialVersionUID = 1L;

        public LockTimeoutException(String message) {
            super(message);
        }
    }
}
