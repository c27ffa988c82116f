package io.rdphealth.renew;

import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.fix.ChangeOutcome;
import io.rdphealth.host.windows.fixes.WindowsRenewalResult;
import io.rdphealth.host.xrdp.XrdpChangeResult;
import java.util.ArrayList;
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

    /** Nothing changed, for {@code why}. */
    public static RenewalResult refused(String platform, String why) {
        return new RenewalResult(platform, RenewalAction.REFUSED, why, null, null, List.of(), null, true);
    }

    /**
     * What an xrdp renewal did, in the shape both platforms share.
     *
     * @param installed whether a supplied certificate was installed (INSTALLED) rather than a new one minted (RENEWED)
     */
    public static RenewalResult ofXrdp(XrdpChangeResult result, boolean installed) {
        String platform = RenewalPlatform.XRDP.label();
        List<String> steps = new ArrayList<>(result.plan());
        if (result.verification() != null) {
            steps.add("verified: " + result.verification());
        }
        return switch (result.status()) {
            case NOTHING_TO_DO -> new RenewalResult(platform, RenewalAction.NOT_NEEDED, result.reason(), result.before(),
                    result.after(), steps, null, true);
            case PLANNED -> new RenewalResult(platform, RenewalAction.PLANNED, result.reason(), result.before(),
                    result.after(), steps, null, true);
            case APPLIED -> new RenewalResult(platform, installed ? RenewalAction.INSTALLED : RenewalAction.RENEWED,
                    result.reason(), result.before(), result.after(), steps, null, true);
            case ROLLED_BACK -> {
                ChangeOutcome.RolledBack rolledBack = (ChangeOutcome.RolledBack) result.outcome();
                steps.add("failed at: " + rolledBack.failedStep());
                steps.add((rolledBack.rollbackComplete() ? "rolled back: " : "ROLLBACK INCOMPLETE (restore from "
                        + rolledBack.backupDir() + "): ") + rolledBack.undone());
                yield new RenewalResult(platform, RenewalAction.ROLLED_BACK, result.reason(), result.before(),
                        result.after(), steps, rolledBack.reason(), rolledBack.rollbackComplete());
            }
            case REFUSED -> new RenewalResult(platform, RenewalAction.REFUSED, result.reason(), result.before(),
                    result.after(), steps, null, true);
        };
    }

    /**
     * What a Windows renewal did, in the shape both platforms share.
     *
     * @param steps    the lines the renewal wrote while it ran
     * @param supplied whether a supplied certificate was installed (INSTALLED) rather than a new one minted (RENEWED)
     */
    public static RenewalResult ofWindows(WindowsRenewalResult result, List<String> steps, boolean supplied) {
        String platform = RenewalPlatform.WINDOWS.label();
        String error = result.fixResult() == null ? null : result.fixResult().error();
        RenewalAction applied = supplied ? RenewalAction.INSTALLED : RenewalAction.RENEWED;
        return switch (result.status()) {
            case NOTHING_TO_DO -> new RenewalResult(platform, RenewalAction.NOT_NEEDED, result.reason(), result.before(),
                    result.after(), steps, null, true);
            case PLANNED -> new RenewalResult(platform, RenewalAction.PLANNED, result.reason(), result.before(),
                    result.after(), steps, null, true);
            case APPLIED -> new RenewalResult(platform, applied, result.reason(), result.before(), result.after(), steps,
                    null, true);
            case ROLLED_BACK -> new RenewalResult(platform, RenewalAction.ROLLED_BACK, result.reason(), result.before(),
                    result.after(), steps, error, true);
            case ROLLBACK_FAILED -> new RenewalResult(platform, RenewalAction.ROLLED_BACK, result.reason(),
                    result.before(), result.after(), steps, error, false);
            case REFUSED -> new RenewalResult(platform, RenewalAction.REFUSED, result.reason(), result.before(),
                    result.after(), steps, null, true);
        };
    }
}
