package io.rdphealth.evidence;

import io.rdphealth.wire.EncryptionMethod;
import io.rdphealth.wire.McsConnectResponse;
import io.rdphealth.wire.SecurityProtocol;

/**
 * One connection that negotiated standard RDP security and sent an MCS Connect-Initial offering
 * {@code offeredMethods}: the server's Connect-Response, or why none came.
 *
 * @param offeredMethods encryptionMethods bits offered (see {@link EncryptionMethod})
 * @param negotiation    the X.224 exchange that preceded it
 * @param response       the decoded Connect-Response, or {@code null}
 * @param failure        why no Connect-Response was decoded, or {@code null}
 * @param millis         time from sending the Connect-Initial to the answer (or failure)
 */
public record EncryptionOfferResult(
        int offeredMethods,
        NegotiationEvidence negotiation,
        McsConnectResponse response,
        ExchangeFailure failure,
        double millis) {

    /** The method the server chose, or {@code null} (no answer, no encryption, or an undefined value). */
    public EncryptionMethod selected() {
        return response != null && response.security() != null ? response.security().method() : null;
    }

    /**
     * Whether the server answered with one of the offered methods. A real Windows server does; xrdp
     * 0.9.21 answers its configured method whatever the client offered, which a client that did not
     * offer it cannot use.
     */
    public boolean honoured() {
        EncryptionMethod method = selected();
        return method != null && (offeredMethods & method.bit()) != 0;
    }

    /** Whether the X.224 exchange selected standard RDP security, so the Connect-Initial was sent. */
    public boolean reachedMcs() {
        return negotiation != null && negotiation.selected() == SecurityProtocol.RDP;
    }
}
