package io.rdphealth.host.windows.fixes;

import io.rdphealth.fix.Step;
import java.util.List;
import java.util.Objects;

/**
 * A Windows fix as a plan for the platform-neutral {@link io.rdphealth.fix.ChangeRunner}: the
 * steps (each backs up what it changes in {@link Step#prepare} and journals a Windows
 * compensation from {@link WindowsCompensations}), and what a person must know around them.
 * Building a plan changes nothing; {@link WindowsFixRunner} runs it (or only prints it in a dry
 * run) and appends the verification as the last step.
 *
 * @param name              the fix name ({@code renew-cert}, ...)
 * @param warnings          what the admin must know before running it (printed first)
 * @param backupDescription what the steps back up, for the dry run and the log
 * @param steps             the changes, in order
 * @param verification      what the verification checks
 * @param verify            checks the result, returning the certificate now served (or {@code null} when the fix is not about certificates)
 * @param before            the certificate served before, or {@code null}
 * @param rebootRequired    whether the change takes effect only after a reboot
 */
public record WindowsFixPlan(
        String name,
        List<String> warnings,
        String backupDescription,
        List<Step> steps,
        String verification,
        Verification verify,
        CertificateState before,
        boolean rebootRequired) {

    public WindowsFixPlan {
        Objects.requireNonNull(name, "name");
        warnings = List.copyOf(warnings);
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a fix needs at least one step");
        }
        Objects.requireNonNull(verify, "verify");
    }

    /** The same plan verified by {@code other} (tests use it to make a verification fail). */
    public WindowsFixPlan withVerification(Verification other) {
        return new WindowsFixPlan(name, warnings, backupDescription, steps, verification, other, before, rebootRequired);
    }

    /** Checks the result; throws when the fix did not achieve what it promised. */
    @FunctionalInterface
    public interface Verification {
        CertificateState verify() throws Exception;
    }
}
