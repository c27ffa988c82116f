package io.rdphealth.cli;

import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.fix.ChangeOutcome;
import io.rdphealth.host.xrdp.XrdpChangeResult;
import java.io.PrintWriter;

/** Prints an xrdp change result (renew-cert, repair-key-permissions) for a person. */
final class XrdpResultPrinter {
    private XrdpResultPrinter() {
    }

    static int print(XrdpChangeResult result, PrintWriter out, PrintWriter err) {
        if (result.recovery() != null && result.recovery().needed()) {
            out.println("Recovered an interrupted run " + result.recovery().runId() + " (" + result.recovery().plan() + "): undid "
                    + result.recovery().undone() + (result.recovery().complete() ? "" : "; INCOMPLETE: " + result.recovery().problem()));
        }
        out.println(result.status() + ": " + result.reason());
        if (!result.plan().isEmpty()) {
            out.println(result.status() == XrdpChangeResult.Status.PLANNED ? "Plan (nothing changed):" : "Steps:");
            result.plan().forEach(step -> out.println("  " + step));
        }
        if (result.outcome() instanceof ChangeOutcome.RolledBack rolledBack) {
            err.println("Failed at: " + rolledBack.failedStep());
            err.println("Reason: " + rolledBack.reason());
            err.println((rolledBack.rollbackComplete() ? "Rolled back: " : "ROLLBACK INCOMPLETE (restore from "
                    + rolledBack.backupDir() + "): ") + rolledBack.undone());
        }
        if (result.outcome() instanceof ChangeOutcome.Completed completed) {
            out.println("Backups: " + completed.backupDir());
        }
        describe(out, "Before", result.before());
        if (result.status() == XrdpChangeResult.Status.APPLIED || result.status() == XrdpChangeResult.Status.ROLLED_BACK) {
            describe(out, "After ", result.after());
        }
        if (result.verification() != null) {
            out.println("Verification: " + result.verification());
        }
        out.flush();
        err.flush();
        return exitCode(result.status());
    }

    static int exitCode(XrdpChangeResult.Status status) {
        return switch (status) {
            case NOTHING_TO_DO, PLANNED, APPLIED -> ExitCodes.HEALTHY;
            case ROLLED_BACK -> ExitCodes.ERRORS;
            case REFUSED -> ExitCodes.USAGE;
        };
    }

    private static void describe(PrintWriter out, String label, CertificateInfo certificate) {
        if (certificate == null) {
            out.println(label + ": (no readable certificate)");
        } else {
            out.println(label + ": SHA-1 " + certificate.sha1() + " SHA-256 " + certificate.sha256() + " expires "
                    + certificate.notAfter());
        }
    }
}
