package io.rdphealth.host.xrdp;

import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.fix.ChangeOutcome;
import io.rdphealth.fix.RecoveryReport;
import java.util.List;

/**
 * What a change on an xrdp host did (certificate renewal or key-permission repair).
 *
 * @param status       the ending
 * @param reason       why it changed something, or why not
 * @param plan         the numbered steps (planned in a dry run, applied otherwise)
 * @param recovery     what the start of the run recovered from an earlier killed run ({@code null} in a dry run)
 * @param outcome      the plan's outcome ({@code null} when nothing ran)
 * @param before       the certificate before ({@code null} when none was readable)
 * @param after        the certificate now in place ({@code null} when none is readable)
 * @param verification how the result was verified (from the wire, or locally only and why)
 */
public record XrdpChangeResult(Status status, String reason, List<String> plan, RecoveryReport recovery,
                               ChangeOutcome outcome, CertificateInfo before, CertificateInfo after,
                               String verification) {
    public enum Status {
        /** Nothing needed changing: the run changed nothing. */
        NOTHING_TO_DO,
        /** Dry run: the plan was printed, nothing changed. */
        PLANNED,
        /** The plan was applied and verified. */
        APPLIED,
        /** A step or the verification failed; the previous state was restored. */
        ROLLED_BACK,
        /** Refused before changing anything (bad input, unusable config). */
        REFUSED
    }

    public XrdpChangeResult {
        plan = List.copyOf(plan);
    }

    public boolean succeeded() {
        return status == Status.NOTHING_TO_DO || status == Status.PLANNED || status == Status.APPLIED;
    }
}
