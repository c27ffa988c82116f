package io.rdphealth.evidence;

import java.util.List;

/**
 * Name resolution of a target.
 *
 * @param addresses resolved addresses, in resolver order (empty when unresolved)
 * @param millis    resolution time
 * @param error     why resolution failed, or {@code null}
 */
public record DnsEvidence(List<String> addresses, double millis, String error) {
    public DnsEvidence {
        addresses = List.copyOf(addresses);
    }

    public boolean resolved() {
        return error == null && !addresses.isEmpty();
    }
}
