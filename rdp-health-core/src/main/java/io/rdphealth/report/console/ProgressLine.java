package io.rdphealth.report.console;

import io.rdphealth.check.ProgressListener;
import io.rdphealth.report.HealthState;
import io.rdphealth.report.TargetResult;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;

/**
 * A single, rewritten status line while many targets are probed ({@code [ 7/40] 1 critical,
 * 2 warning  last: host:3389}). Meant for a terminal only (it rewrites with a carriage return);
 * a disabled line prints nothing, so logs stay clean. Probes finish on many threads, hence the
 * synchronisation. It is a {@link ProgressListener}, so it can be handed to {@code RdpHealthCheck.run}.
 */
public final class ProgressLine implements ProgressListener, AutoCloseable {
    private static final int WIDTH = 79;

    private final PrintWriter out;
    private final int total;
    private final boolean enabled;
    private final Map<HealthState, Integer> counts = new EnumMap<>(HealthState.class);
    private int done;
    private int shown;

    /**
     * @param out     where to draw (standard error, so standard output stays the report)
     * @param total   number of targets
     * @param enabled whether to draw at all
     */
    public ProgressLine(PrintWriter out, int total, boolean enabled) {
        this.out = out;
        this.total = total;
        this.enabled = enabled;
    }

    /** A line that never prints. */
    public static ProgressLine disabled() {
        return new ProgressLine(new PrintWriter(PrintWriter.nullWriter()), 0, false);
    }

    /** Records one finished target and redraws the line. */
    public synchronized void targetDone(TargetResult result) {
        done++;
        counts.merge(result.state(), 1, Integer::sum);
        if (!enabled) {
            return;
        }
        StringBuilder line = new StringBuilder();
        int digits = String.valueOf(total).length();
        line.append('[').append(String.format("%" + digits + "d", done)).append('/').append(total).append("] ");
        boolean first = true;
        for (HealthState state : new HealthState[] {HealthState.CRITICAL, HealthState.ERROR, HealthState.WARNING}) {
            if (counts.containsKey(state)) {
                line.append(first ? "" : ", ").append(counts.get(state)).append(' ').append(state.name().toLowerCase(java.util.Locale.ROOT));
                first = false;
            }
        }
        line.append(first ? "all healthy so far" : "").append("  last: ").append(TerminalText.clean(result.target().input()));
        String text = TerminalText.truncate(line.toString(), WIDTH);
        out.print('\r' + text + " ".repeat(Math.max(0, shown - text.length())));
        out.flush();
        shown = text.length();
    }

    /** The listener form: {@code done} and {@code total} are counted here as well, so they are not needed. */
    @Override
    public void targetDone(int doneSoFar, int totalTargets, TargetResult result) {
        targetDone(result);
    }

    /** Number of targets recorded so far. */
    public synchronized int done() {
        return done;
    }

    /** Erases the line, so what follows starts on a clean line. */
    @Override
    public synchronized void close() {
        if (enabled && shown > 0) {
            out.print('\r' + " ".repeat(shown) + '\r');
            out.flush();
            shown = 0;
        }
    }
}
