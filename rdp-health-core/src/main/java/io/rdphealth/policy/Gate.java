package io.rdphealth.policy;

import io.rdphealth.finding.Severity;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.TargetResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a run's severities into pass / unstable / fail, the way the Jenkins step marks a build and
 * the CLI could pick its exit code. A threshold of {@code null} never applies.
 *
 * @param failOn     a target whose worst finding is at least this fails the run; {@code null}: never
 * @param unstableOn a target whose worst finding is at least this makes the run unstable; {@code null}: never
 */
public record Gate(Severity failOn, Severity unstableOn) {
    /** The text that switches a threshold off in a parameter. */
    public static final String NEVER = "NONE";

    public Gate {
        if (failOn != null && unstableOn != null && unstableOn.compareTo(failOn) > 0) {
            throw new IllegalArgumentException("unstableOn " + unstableOn + " is above failOn " + failOn
                    + ": it could never apply (choose unstableOn at or below failOn, or NONE)");
        }
    }

    /** Fails on ERROR and worse, unstable on WARNING: what the catalog's severities mean for a build. */
    public static Gate defaults() {
        return new Gate(Severity.ERROR, Severity.WARNING);
    }

    /**
     * Parses the two thresholds as users write them: a severity name in any case, or {@code NONE}
     * (also empty or {@code null}) for "never".
     *
     * @throws IllegalArgumentException naming the parameter and the bad value
     */
    public static Gate parse(String failOn, String unstableOn) {
        return new Gate(threshold("failOn", failOn), threshold("unstableOn", unstableOn));
    }

    private static Severity threshold(String parameter, String text) {
        if (text == null || text.isBlank() || NEVER.equalsIgnoreCase(text.strip())) {
            return null;
        }
        try {
            return Severity.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(parameter + ": " + e.getMessage().replace(")", ", or " + NEVER + ")"), e);
        }
    }

    public GateResult evaluate(RunReport report) {
        List<String> failing = reaching(report, failOn);
        if (!failing.isEmpty()) {
            return new GateResult(GateOutcome.FAIL, describe(failing, report, failOn, "failOn"), failing);
        }
        List<String> unstable = reaching(report, unstableOn);
        if (!unstable.isEmpty()) {
            return new GateResult(GateOutcome.UNSTABLE, describe(unstable, report, unstableOn, "unstableOn"), unstable);
        }
        return new GateResult(GateOutcome.PASS, passReason(report), List.of());
    }

    private static List<String> reaching(RunReport report, Severity threshold) {
        List<String> names = new ArrayList<>();
        if (threshold == null) {
            return names;
        }
        for (TargetResult target : report.targets()) {
            Severity worst = target.worstSeverity();
            if (worst != null && worst.isAtLeast(threshold)) {
                names.add(target.target().input() + " (" + worst + ")");
            }
        }
        return names;
    }

    private static String describe(List<String> offending, RunReport report, Severity threshold, String parameter) {
        return String.format(Locale.ROOT, "%d of %d target(s) at %s or worse (%s %s): %s", offending.size(),
                report.targets().size(), threshold, parameter, threshold, String.join(", ", offending));
    }

    private String passReason(RunReport report) {
        Severity lowest = unstableOn != null ? unstableOn : failOn;
        if (lowest == null) {
            return "no thresholds set: " + report.targets().size() + " target(s) checked, worst severity "
                    + (report.worstSeverity() == null ? "none" : report.worstSeverity());
        }
        return String.format(Locale.ROOT, "all %d target(s) below %s", report.targets().size(), lowest);
    }
}
