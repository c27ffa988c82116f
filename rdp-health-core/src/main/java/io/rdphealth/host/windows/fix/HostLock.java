package io.rdphealth.host.windows.fix;

/** Keeps two fixes from changing one host at the same time. */
@FunctionalInterface
public interface HostLock {
    /**
     * Takes the lock without waiting.
     *
     * @throws FixRefusedException when another fix holds it
     */
    Lease acquire() throws FixRefusedException;

    /** A held lock; closing releases it. */
    interface Lease extends AutoCloseable {
        @Override
        void close();
    }
}
