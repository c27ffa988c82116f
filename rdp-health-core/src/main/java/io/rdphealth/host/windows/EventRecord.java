package io.rdphealth.host.windows;

import java.time.Instant;
import java.util.Objects;

/**
 * One event log entry.
 *
 * @param log     the log (System, ...)
 * @param source  the event source (Schannel, Microsoft-Windows-TerminalServices-RemoteConnectionManager, ...)
 * @param eventId the event ID (low 16 bits)
 * @param time    when it was written
 * @param text    the event's text (insertion strings when the message could not be formatted)
 */
public record EventRecord(String log, String source, int eventId, Instant time, String text) {
    public EventRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        text = text == null ? "" : text;
    }
}
