package io.rdphealth.host.windows.fixes;

import io.rdphealth.evidence.CertificateInfo;

/**
 * What {@code renew-cert --windows} did.
 *
 * @param status    the ending
 * @param fix       {@code renew-cert} (self-signed) or {@code install-cert} (a given PKCS#12)
 * @param reason    why it renewed, or why not (nothing to do, refused)
 * @param fixResult the fix runner's result (log, backup, served thumbprints), {@code null} when no fix ran
 * @param before    the certificate the listener served before ({@code null} when none)
 * @param after     the certificate it serves now, from a fresh inspection ({@code null} when none)
 */
public record WindowsRenewalResult(Status status, String fix, String reason, FixResult fixResult, CertificateInfo before,
                                   CertificateInfo after) {
    public enum Status {
        /** The served certificate is fine (or the given one is already pinned): nothing changed. */
        NOTHING_TO_DO,
        /** Dry run: the plan was printed, nothing changed. */
        PLANNED,
        /** Applied and verified from the wire. */
        APPLIED,
        /** A step or the verification failed; every step was undone. */
        ROLLED_BACK,
        /** A step failed and an undo failed too: restore from the backup named in the log. */
        ROLLBACK_FAILED,
        /** Not started: bad input, a precondition, the lock or the backup failed; nothing changed. */
        REFUSED
    }
}
