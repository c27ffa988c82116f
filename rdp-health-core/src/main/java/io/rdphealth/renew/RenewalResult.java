package io.rdphealth.renew;

import io.rdphealth.evidence.CertificateInfo;
import java.util.List;
import java.util.Objects;

/**
 * What a renewal did; serialised with the report mapper ({@code ReportJson#mapper()}).
 *
 * @param platform         {@code windows} or {@code xrdp}
 * @param action           the ending
 * @param reason           why it changed something, or why not
 * @param before           the certificate in place before ({@code null} when none was readable)
 * @param after            the certificate in place now ({@code null} when none is readable)
 * @param steps            the steps planned (dry run) or run, with their verification, as text
 * @param rollbackReason   why it was rolled back, or {@code null}
 * @param rollbackComplete false only when an undo failed too: restore from the backup named in {@code steps}
 */
public record RenewalResult(String platform, RenewalAction action, String reason, CertificateInfo before,
                            CertificateInfo after, List<String> steps, String rollbackReason, boolean rollbackComplete) {
    public RenewalResult {
        Objects.requireNonNull(action, "action");
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public boolean rolledBack() {
        return action == RenewalAction.ROLLED_BACK;
    }

    /** Whether the host is as wanted: not needed, planned, renewed or installed. */
    public boolean succeeded() {
        return action != RenewalAction.ROLLED_BACK && action != RenewalAction.REFUSED;
    }
}
