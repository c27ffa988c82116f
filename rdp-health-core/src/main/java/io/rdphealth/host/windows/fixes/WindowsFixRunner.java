package io.rdphealth.host.windows.fixes;

import io.rdphealth.fix.ChangeListener;
import io.rdphealth.fix.ChangeOutcome;
import io.rdphealth.fix.ChangePlan;
import io.rdphealth.fix.ChangeRunner;
import io.rdphealth.fix.ChangeSession;
import io.rdphealth.fix.HostLock;
import io.rdphealth.fix.RecoveryReport;
import io.rdphealth.fix.StateDirectoryGuard;
import io.rdphealth.fix.Step;
import io.rdphealth.fix.StepFailedException;
import io.rdphealth.host.windows.ListenerVerifier;
import io.rdphealth.host.windows.WindowsHostFacts;
import io.rdphealth.host.windows.WindowsInspector;
import io.rdphealth.host.windows.WindowsPort;
import io.rdphealth.host.windows.WindowsPortException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a Windows fix under the project's one safe-change discipline ({@link ChangeRunner}) with the
 * Windows undo kinds registered ({@link WindowsCompensations}): the state folder restricted to
 * SYSTEM and Administrators first ({@link WindowsStateDirectory}), host lock {@code STATE\host.lock},
 * recovery of a run killed between steps from {@code STATE\journal.jsonl}, a backup and a durable
 * journal line before every step, verification as the last step, rollback on any failure. The
 * plan is built inside the held lock from a fresh inspection, after recovery, because both may
 * have changed the host since the caller last looked. This class only translates the outcome
 * into the Windows output and {@link FixResult}.
 */
public final class WindowsFixRunner {
    private final WindowsPort port;
    private final ListenerVerifier verifier;
    private final Clock clock;
    private final FixSettings settings;
    private final Path stateDir;

    /**
     * @param stateDir lock, journal and backups; {@code null} = {@code %ProgramData%\RdpHealth}
     */
    public WindowsFixRunner(WindowsPort port, ListenerVerifier verifier, Clock clock, FixSettings settings, Path stateDir) {
        this.port = Objects.requireNonNull(port, "port");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.stateDir = stateDir != null ? stateDir : defaultStateDir(port);
    }

    /** {@code %ProgramData%\RdpHealth}. */
    public static Path defaultStateDir(WindowsPort port) {
        return port.programData().resolve("RdpHealth");
    }

    public Path stateDir() {
        return stateDir;
    }

    /** The platform-neutral runner with the Windows handlers; {@code listener} hears progress. */
    public ChangeRunner changeRunner(ChangeListener listener) {
        return new ChangeRunner(stateDir, WindowsCompensations.handlers(port, settings), listener, settings.lockWait(), clock,
                new WindowsStateDirectory(port));
    }

    /** Builds a fix plan from a fresh context; refuses (nothing changed) when a precondition fails. */
    @FunctionalInterface
    public interface Planner {
        WindowsFixPlan plan(FixContext context) throws FixRefusedException;
    }

    /**
     * Runs one fix. Host and input problems end in a {@link FixResult} (never an exception); an
     * {@link Error} is not caught: the journal then stays, and the next run undoes what was applied.
     *
     * @param fix     the fix name, for the result when no plan could be built
     * @param planner builds the plan from a fresh inspection (inside the lock for a real run)
     * @param dryRun  print the plan, change nothing
     */
    public FixResult run(String fix, Planner planner, boolean dryRun, PrintWriter out) {
        return dryRun ? dryRun(fix, planner, out) : apply(fix, planner, out);
    }

    private FixResult dryRun(String fix, Planner planner, PrintWriter out) {
        List<String> log = new ArrayList<>();
        try {
            List<String> pending = changeRunner(ChangeListener.SILENT).pendingRecovery();
            if (!pending.isEmpty()) {
                // The plan below is made from the host as it is now, before that undo.
                say(out, log, "an earlier run was interrupted; a real run first undoes: " + String.join("; ", pending));
            }
        } catch (IOException e) {
            say(out, log, "cannot read the journal in " + stateDir + ": " + e.getMessage());
        }
        WindowsFixPlan plan;
        try {
            plan = planner.plan(context());
        } catch (FixRefusedException | WindowsPortException e) {
            return refused(fix, log, message(e));
        }
        describe(plan, stateDir, out);
        log.add("dry run: " + plan.steps().size() + " steps planned, nothing changed");
        out.println("Dry run: nothing was changed.");
        out.flush();
        return new FixResult(plan.name(), FixStatus.PLANNED, log, plan.before(), null, null, plan.rebootRequired(), null);
    }

    private FixResult apply(String fix, Planner planner, PrintWriter out) {
        List<String> log = new ArrayList<>();
        Progress progress = new Progress(out, log);
        ChangeRunner runner = changeRunner(progress);
        ChangeSession session;
        try {
            session = runner.open();
        } catch (StateDirectoryGuard.StateDirectoryException e) {
            return refused(fix, log, e.getMessage());
        } catch (HostLock.LockTimeoutException e) {
            return refused(fix, log, "another rdphealth fix is running on this host: " + e.getMessage());
        } catch (IOException e) {
            return refused(fix, log, "cannot take the host lock or read the journal in " + stateDir + ": " + e.getMessage());
        }
        try {
            RecoveryReport recovery = session.recovery();
            if (recovery.needed()) {
                say(out, log, "recovered an interrupted run of " + recovery.plan() + " (" + recovery.runId() + "): undid "
                        + recovery.undone().size() + " step(s)");
            }
            if (!recovery.complete()) {
                String why = "an earlier interrupted run could not be fully undone: " + recovery.problem();
                say(out, log, "UNDO FAILED: " + why);
                say(out, log, "The host may be left changed: the journal " + runner.journal().file()
                        + " is kept (the next run retries the undo); restore by hand from " + stateDir.resolve("backups"));
                return new FixResult(fix, FixStatus.ROLLBACK_FAILED, log, null, null, stateDir.resolve("backups"), false, why);
            }
            WindowsFixPlan plan;
            try {
                plan = planner.plan(context());
            } catch (FixRefusedException | WindowsPortException e) {
                return refused(fix, log, message(e));
            }
            return apply(plan, session, runner, progress, out, log);
        } finally {
            try {
                session.close();
            } catch (IOException e) {
                say(out, log, "could not release the host lock cleanly: " + e.getMessage());
            }
        }
    }

    private FixResult apply(WindowsFixPlan plan, ChangeSession session, ChangeRunner runner, Progress progress,
                            PrintWriter out, List<String> log) {
        for (String warning : plan.warnings()) {
            say(out, log, "WARNING: " + warning);
        }
        say(out, log, "backup: " + plan.backupDescription() + " -> " + stateDir.resolve("backups") + " (a folder per run)");
        CertificateState[] after = new CertificateState[1];
        Step verify = Step.check("verify: " + plan.verification(), context -> {
            try {
                after[0] = plan.verify().verify();
            } catch (Exception e) {
                throw new StepFailedException("verification failed: " + message(e), e);
            }
        });
        List<Step> steps = new ArrayList<>(plan.steps());
        steps.add(verify);
        progress.expect(plan.steps().size());
        ChangeOutcome outcome;
        try {
            outcome = session.apply(new ChangePlan(plan.name(), steps));
        } catch (IOException e) {
            // Thrown only before the first step (journal not writable) or after the last one (journal not removable).
            String why = "the change journal failed: " + e.getMessage() + " (journal " + runner.journal().file() + ")";
            say(out, log, why);
            return new FixResult(plan.name(), FixStatus.ROLLBACK_FAILED, log, plan.before(), null, null, false, why);
        }
        if (outcome instanceof ChangeOutcome.Completed completed) {
            CertificateState now = after[0];
            say(out, log, "verified" + (now == null ? "" : ": now serving " + now.thumbprint() + " valid until " + now.notAfter()));
            if (plan.rebootRequired()) {
                say(out, log, "REBOOT REQUIRED for the change to take effect");
            }
            return new FixResult(plan.name(), FixStatus.APPLIED, log, plan.before(), now, completed.backupDir(),
                    plan.rebootRequired(), null);
        }
        ChangeOutcome.RolledBack rolledBack = (ChangeOutcome.RolledBack) outcome;
        String failure = progress.failure();
        if (!rolledBack.rollbackComplete()) {
            String why = failure + "; UNDO FAILED: " + rolledBack.reason();
            say(out, log, "UNDO FAILED: " + rolledBack.reason());
            say(out, log, "The host may be left changed: the journal " + runner.journal().file()
                    + " is kept (the next run retries the undo); restore by hand from " + rolledBack.backupDir());
            return new FixResult(plan.name(), FixStatus.ROLLBACK_FAILED, log, plan.before(), null, rolledBack.backupDir(),
                    false, why);
        }
        say(out, log, "rolled back: the host is as it was");
        return new FixResult(plan.name(), FixStatus.ROLLED_BACK, log, plan.before(), null, rolledBack.backupDir(), false,
                failure);
    }

    /** Prints the plan: warnings, backup, steps, verification. */
    public static void describe(WindowsFixPlan plan, Path stateDir, PrintWriter out) {
        out.println("Fix " + plan.name() + (plan.before() == null ? "" : " (serving " + plan.before().thumbprint()
                + ", valid until " + plan.before().notAfter() + ")"));
        for (String warning : plan.warnings()) {
            out.println("  WARNING: " + warning);
        }
        out.println("  state folder " + stateDir + " (and its backups): restricted to SYSTEM and Administrators ("
                + WindowsStateDirectory.SDDL + ") before anything is written into it");
        out.println("  lock " + stateDir.resolve("host.lock") + ", undo any interrupted earlier run from "
                + stateDir.resolve("journal.jsonl"));
        out.println("  backup (each step before it runs): " + plan.backupDescription());
        int i = 1;
        for (Step step : plan.steps()) {
            out.println("  " + i++ + ". " + step.description());
        }
        out.println("  verify: " + plan.verification());
        out.println("  on any failure: undo every started step, newest first");
        if (plan.rebootRequired()) {
            out.println("  a reboot is required afterwards");
        }
        out.flush();
    }

    private FixContext context() {
        WindowsHostFacts facts = new WindowsInspector(port, clock).inspect();
        return new FixContext(port, facts, verifier, clock, settings);
    }

    private static FixResult refused(String fix, List<String> log, String why) {
        List<String> lines = new ArrayList<>(log);
        lines.add("refused: " + why);
        return new FixResult(fix, FixStatus.REFUSED, lines, null, null, null, false, why);
    }

    private static void say(PrintWriter out, List<String> log, String line) {
        log.add(line);
        out.println(line);
        out.flush();
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Prints the runner's progress the way the Windows fixes always have. */
    private static final class Progress implements ChangeListener {
        private final PrintWriter out;
        private final List<String> log;
        private int planned = Integer.MAX_VALUE;
        private String failure;

        Progress(PrintWriter out, List<String> log) {
            this.out = out;
            this.log = log;
        }

        void expect(int steps) {
            planned = steps;
        }

        String failure() {
            return failure;
        }

        @Override
        public void beforeStep(int index, Step step) {
            say(out, log, index < planned ? "step " + (index + 1) + "/" + planned + ": " + step.description()
                    : step.description());
        }

        @Override
        public void rollingBack(int index, Step failed, String reason) {
            failure = index < planned ? "step '" + failed.description() + "' failed: " + reason : reason;
            say(out, log, failure);
            say(out, log, "rolling back " + Math.min(index + 1, planned) + " step(s)");
        }

        @Override
        public void undone(String description) {
            say(out, log, "undone: " + description);
        }

        @Override
        public void stateDirectorySecured(String change) {
            say(out, log, "state folder: " + change);
        }
    }
}
