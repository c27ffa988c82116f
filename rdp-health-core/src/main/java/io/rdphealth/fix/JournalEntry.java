package io.rdphealth.fix;

import java.time.Instant;
import java.util.Map;

/**
 * One line of the recovery journal.
 *
 * @param event        {@code begin}, {@code intent} (about to apply a step; carries its compensation),
 *                     {@code applied} or {@code rolled-back}
 * @param runId        the run it belongs to
 * @param plan         plan name (on {@code begin})
 * @param step         step index (on {@code intent} / {@code applied})
 * @param description  step description
 * @param kind         compensation kind (on {@code intent})
 * @param params       compensation parameters (on {@code intent})
 * @param at           when it was written
 */
public record JournalEntry(String event, String runId, String plan, int step, String description,
                           String kind, Map<String, String> params, Instant at) {
    public JournalEntry {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    Compensation compensation() {
        return new Compensation(kind == null ? Compensation.NONE : kind, params);
    }
}
