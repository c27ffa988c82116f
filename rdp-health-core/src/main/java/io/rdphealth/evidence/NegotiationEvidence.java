package io.rdphealth.evidence;

import io.rdphealth.wire.SecurityProtocol;
import io.rdphealth.wire.X224Confirm;
import java.util.List;

/**
 * One X.224 negotiation: what was asked, and the confirm or the failure.
 *
 * @param requestedProtocols the requestedProtocols bits sent
 * @param confirm            the decoded confirm, or {@code null} when the exchange failed
 * @param failure            why no confirm came, or {@code null}
 * @param millis             time from sending the request to the decoded confirm (or failure)
 */
public record NegotiationEvidence(int requestedProtocols, X224Confirm confirm, ExchangeFailure failure, double millis) {

    public List<String> requested() {
        return SecurityProtocol.names(requestedProtocols);
    }

    /** The protocol the server selected, or {@code null} when it sent a failure / legacy confirm / nothing. */
    public SecurityProtocol selected() {
        if (confirm instanceof X224Confirm.NegotiationResponse response) {
            return response.protocol();
        }
        if (confirm instanceof X224Confirm.LegacyConfirm) {
            return SecurityProtocol.RDP;
        }
        return null;
    }
}
