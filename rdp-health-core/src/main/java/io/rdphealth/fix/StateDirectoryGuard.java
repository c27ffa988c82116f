package io.rdphealth.fix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes the state directory (lock, journal, {@code backups/}) readable by administrators only
 * before a change writes anything into it: the backups hold private keys. A
 * {@link ChangeRunner} calls it first thing when a session opens, before it takes the lock.
 */
@FunctionalInterface
public interface StateDirectoryGuard {
    /**
     * Creates {@code stateDir} and {@code stateDir/backups} restricted to administrators, or
     * tightens them when they exist with broader access.
     *
     * @return what was changed, one line each, as it was before (for the run log); empty when both were already restricted
     * @throws StateDirectoryException when they cannot be restricted; nothing may then be written into them
     */
    List<String> secure(Path stateDir) throws StateDirectoryException;

    /** The state directory could not be restricted; the change is refused. */
    final class StateDirectoryException extends IOException {
        private static final long serialVersionUID = 1L;

        public StateDirectoryException(String message) {
            super(message);
        }

        public StateDirectoryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
