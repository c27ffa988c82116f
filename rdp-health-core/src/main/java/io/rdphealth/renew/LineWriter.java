package io.rdphealth.renew;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * A writer that hands each completed line to a {@link RenewalProgress} and keeps the lines, so a
 * fix that reports on a {@code PrintWriter} can feed a build log and the result's steps.
 * Lines are capped so a runaway writer cannot exhaust memory.
 */
public final class LineWriter extends Writer {
    private static final int MAX_LINES = 2000;
    private static final int MAX_LINE = 4000;

    private final RenewalProgress progress;
    private final List<String> lines = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();

    public LineWriter(RenewalProgress progress) {
        this.progress = progress;
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            if (c == '\n') {
                emit();
            } else if (c != '\r' && current.length() < MAX_LINE) {
                current.append(c);
            }
        }
    }

    private void emit() {
        String line = current.toString();
        current.setLength(0);
        if (lines.size() < MAX_LINES) {
            lines.add(line);
        }
        progress.line(line);
    }

    @Override
    public void flush() {
        // Lines are handed on when complete; a partial line waits for its end or close().
    }

    @Override
    public synchronized void close() {
        if (current.length() > 0) {
            emit();
        }
    }

    /** The lines written so far (at most 2000, each at most 4000 characters). */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
