package io.rdphealth.host.windows.rules;

import io.rdphealth.finding.Finding;
import io.rdphealth.finding.Fix;
import io.rdphealth.finding.FindingId;
import io.rdphealth.host.windows.EventRecord;
import io.rdphealth.host.windows.WindowsConstants;
import io.rdphealth.host.windows.WindowsHostFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EVENT_LOG_EVIDENCE: one finding per relevant event ID (newest occurrence, with how many times it
 * was seen). {@link #EXPLAINS} says which root-cause findings an event is a symptom of, so the
 * diagnosis hangs it under them.
 */
public final class EventLogRule implements WindowsRule {
    /** Event ID -> the findings whose cause the event reports. */
    public static final Map<Integer, Set<FindingId>> EXPLAINS = Map.ofEntries(
            Map.entry(1050, Set.of(FindingId.SECURITY_LAYER_MISMATCH)),
            Map.entry(1051, Set.of(FindingId.CERT_PINNED_NOT_FOUND, FindingId.CERT_NO_SERVER_AUTH_EKU)),
            Map.entry(1052, Set.of(FindingId.CERT_EXPIRING_SOON)),
            Map.entry(1053, Set.of(FindingId.CERT_EXPIRED)),
            Map.entry(1054, Set.of(FindingId.CERT_NO_SERVER_AUTH_EKU)),
            Map.entry(1055, Set.of(FindingId.CERT_KEY_ACCESS_DENIED, FindingId.CERT_KEY_MISSING)),
            Map.entry(1057, Set.of(FindingId.CERT_KEY_MISSING, FindingId.MACHINEKEYS_ACL_BROKEN, FindingId.NEG_CERT_NOT_ON_SERVER)),
            Map.entry(1058, Set.of(FindingId.CERT_KEY_ACCESS_DENIED, FindingId.MACHINEKEYS_ACL_BROKEN, FindingId.CERT_EXPIRED)),
            Map.entry(36870, Set.of(FindingId.CERT_KEY_ACCESS_DENIED, FindingId.CERT_KEY_MISSING)),
            Map.entry(36871, Set.of(FindingId.SCHANNEL_TLS12_DISABLED, FindingId.CIPHER_POLICY_RESTRICTIVE)),
            Map.entry(36874, Set.of(FindingId.CIPHER_POLICY_RESTRICTIVE, FindingId.SCHANNEL_TLS12_DISABLED)));

    @Override
    public List<Finding> check(WindowsHostFacts facts, WindowsRuleContext context) {
        return new ArrayList<>(byEventId(facts).values());
    }

    /** One finding per event ID, in order of the newest occurrence (events are newest first). */
    public Map<Integer, Finding> byEventId(WindowsHostFacts facts) {
        Map<Integer, List<EventRecord>> grouped = new LinkedHashMap<>();
        for (EventRecord event : facts.events()) {
            if (WindowsConstants.RELEVANT_EVENTS.containsKey(event.eventId())) {
                grouped.computeIfAbsent(event.eventId(), k -> new ArrayList<>()).add(event);
            }
        }
        Map<Integer, Finding> findings = new LinkedHashMap<>();
        grouped.forEach((id, events) -> {
            EventRecord newest = events.get(0);
            List<String> evidence = new ArrayList<>();
            for (EventRecord e : events.subList(0, Math.min(3, events.size()))) {
                evidence.add(e.log() + " event " + e.eventId() + " (" + e.source() + ") at " + e.time() + ": " + e.text());
            }
            if (events.size() > 3) {
                evidence.add((events.size() - 3) + " more occurrences");
            }
            findings.put(id, Finding.of(FindingId.EVENT_LOG_EVIDENCE, facts.computerName(),
                    "Event " + id + " (" + WindowsConstants.RELEVANT_EVENTS.get(id) + ") seen " + events.size()
                            + " time(s), last at " + newest.time(),
                    evidence,
                    Fix.manual("Read the event in Event Viewer (System log, source " + newest.source() + ") for details")));
        });
        return findings;
    }
}
