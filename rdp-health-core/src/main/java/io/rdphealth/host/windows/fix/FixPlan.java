package io.rdphealth.host.windows.fix;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A fix as a plan: what it backs up, the ordered steps with their undo, and how success is
 * verified. Nothing is changed by building a plan; {@link FixRunner} executes it (or only prints
 * it in a dry run). Host-independent, so other fixes (xrdp) can use the same runner.
 *
 * @param name              the fix name ({@code renew-cert}, ...)
 * @param warnings          what the admin must know before running it (printed first)
 * @param backupDescription what the backup saves
 * @param backup            writes the backup into the given folder; runs before any change
 * @param steps             the changes, in order
 * @param verification      what the verification checks
 * @param verify            checks the result, returning the certificate now served (or {@code null} when the fix is not about certificates)
 * @param before            the certificate served before, or {@code null}
 * @param rebootRequired    whether the change takes effect only after a reboot
 */
public record FixPlan(
        String name,
        List<String> warnings,
        String backupDescription,
        Backup backup,
        List<FixStep> steps,
        String verification,
        Verification verify,
        CertificateState before,
        boolean rebootRequired) {

    public FixPlan {
        Objects.requireNonNull(name, "name");
        warnings = List.copyOf(warnings);
        steps = List.copyOf(steps);
        Objects.requireNonNull(backup, "backup");
        Objects.requireNonNull(verify, "verify");
    }

    /** Writes the backup. */
    @FunctionalInterface
    public interface Backup {
        void writeTo(Path folder) throws Exception;
    }

    /** Checks the result; throws when the fix did not achieve what it promised. */
    @FunctionalInterface
    public interface Verification {
        CertificateState verify() throws Exception;
    }
}
