package io.rdphealth.evidence;

import io.rdphealth.wire.SecurityProtocol;

/**
 * A connection that asked for exactly one security protocol, and what the server selected. Support
 * means the server selected the protocol asked for: a server that answers with another protocol
 * (xrdp answers RDP to a HYBRID-only request) or a failure does not support it.
 *
 * @param asked       the one protocol requested
 * @param negotiation the X.224 exchange
 */
public record ProtocolSupport(SecurityProtocol asked, NegotiationEvidence negotiation) {

    public boolean supported() {
        return negotiation != null && negotiation.selected() == asked;
    }
}
