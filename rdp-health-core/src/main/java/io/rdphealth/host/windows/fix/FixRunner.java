package io.rdphealth.host.windows.fix;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Executes a {@link FixPlan} with the project's fix discipline: a dry run prints the plan and
 * changes nothing; a real run takes the host lock, writes the backup before any change, applies
 * the steps in order, verifies, and on any failure undoes every started step in reverse order
 * (the failing one included). The lock is released in every case.
 */
public final class FixRunner {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final HostLock lock;
    private final Path backupRoot;
    private final Clock clock;

    /**
     * @param lock       the host lock
     * @param backupRoot backups go to {@code backupRoot/<fix>-<UTC time>}
     * @param clock      names the backup folder
     */
    public FixRunner(HostLock lock, Path backupRoot, Clock clock) {
        this.lock = lock;
        this.backupRoot = backupRoot;
        this.clock = clock;
    }

    public FixResult run(FixPlan plan, boolean dryRun, PrintWriter out) {
        List<String> log = new ArrayList<>();
        if (dryRun) {
            describe(plan, out);
            log.add("dry run: " + plan.steps().size() + " steps planned, nothing changed");
            out.println("Dry run: nothing was changed.");
            out.flush();
            return new FixResult(plan.name(), FixStatus.PLANNED, log, plan.before(), null, null, plan.rebootRequired(), null);
        }
        for (String warning : plan.warnings()) {
            say(out, log, "WARNING: " + warning);
        }
        HostLock.Lease lease;
        try {
            lease = lock.acquire();
        } catch (FixRefusedException e) {
            say(out, log, "refused: " + e.getMessage());
            return new FixResult(plan.name(), FixStatus.REFUSED, log, plan.before(), null, null, false, e.getMessage());
        }
        try (lease) {
            Path backup = backupRoot.resolve(plan.name() + "-" + STAMP.format(clock.instant()));
            try {
                plan.backup().writeTo(backup);
                say(out, log, "backup: " + plan.backupDescription() + " -> " + backup);
            } catch (Exception e) {
                String why = "backup failed, nothing was changed: " + message(e);
                say(out, log, why);
                return new FixResult(plan.name(), FixStatus.REFUSED, log, plan.before(), null, null, false, why);
            }
            List<FixStep> started = new ArrayList<>();
            String failure = null;
            for (FixStep step : plan.steps()) {
                started.add(step);
                say(out, log, "step " + started.size() + "/" + plan.steps().size() + ": " + step.description());
                try {
                    step.apply().run();
                } catch (Exception e) {
                    failure = "step '" + step.description() + "' failed: " + message(e);
                    break;
                }
            }
            CertificateState after = null;
            if (failure == null) {
                say(out, log, "verify: " + plan.verification());
                try {
                    after = plan.verify().verify();
                    say(out, log, "verified" + (after == null ? "" : ": now serving " + after.thumbprint() + " valid until " + after.notAfter()));
                    if (plan.rebootRequired()) {
                        say(out, log, "REBOOT REQUIRED for the change to take effect");
                    }
                    return new FixResult(plan.name(), FixStatus.APPLIED, log, plan.before(), after, backup, plan.rebootRequired(), null);
                } catch (Exception e) {
                    failure = "verification failed: " + message(e);
                }
            }
            say(out, log, failure);
            say(out, log, "rolling back " + started.size() + " step(s)");
            List<String> undoErrors = new ArrayList<>();
            for (int i = started.size() - 1; i >= 0; i--) {
                FixStep step = started.get(i);
                try {
                    step.undo().run();
                    say(out, log, "undone: " + step.description());
                } catch (Exception e) {
                    String why = "UNDO FAILED for '" + step.description() + "': " + message(e);
                    undoErrors.add(why);
                    say(out, log, why);
                }
            }
            if (!undoErrors.isEmpty()) {
                say(out, log, "The host may be left changed: restore from the backup in " + backup);
                return new FixResult(plan.name(), FixStatus.ROLLBACK_FAILED, log, plan.before(), null, backup, false,
                        failure + "; " + String.join("; ", undoErrors));
            }
            say(out, log, "rolled back: the host is as it was");
            return new FixResult(plan.name(), FixStatus.ROLLED_BACK, log, plan.before(), null, backup, false, failure);
        }
    }

    /** Prints the plan: warnings, backup, steps with their undo, verification. */
    public static void describe(FixPlan plan, PrintWriter out) {
        out.println("Fix " + plan.name() + (plan.before() == null ? "" : " (serving " + plan.before().thumbprint()
                + ", valid until " + plan.before().notAfter() + ")"));
        for (String warning : plan.warnings()) {
            out.println("  WARNING: " + warning);
        }
        out.println("  backup: " + plan.backupDescription());
        int i = 1;
        for (FixStep step : plan.steps()) {
            out.println("  " + i++ + ". " + step.description());
        }
        out.println("  verify: " + plan.verification());
        if (plan.rebootRequired()) {
            out.println("  a reboot is required afterwards");
        }
        out.flush();
    }

    private static void say(PrintWriter out, List<String> log, String line) {
        log.add(line);
        out.println(line);
        out.flush();
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
