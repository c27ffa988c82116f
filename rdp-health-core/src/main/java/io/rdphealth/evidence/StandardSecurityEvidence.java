package io.rdphealth.evidence;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rdphealth.wire.EncryptionLevel;
import io.rdphealth.wire.EncryptionMethod;
import io.rdphealth.wire.SecurityProtocol;
import java.util.ArrayList;
import java.util.List;

/**
 * What a server does with standard RDP security (RC4/FIPS with a proprietary RSA key exchange, no
 * server authentication) and which extra security protocols it selects when asked for them alone.
 *
 * @param address        the IP address probed
 * @param rdpOnly        X.224 asking standard RDP security only
 * @param allMethods     Connect-Initial offering every method: what the server prefers; {@code null}
 *                       when standard RDP security was refused
 * @param singleMethods  one Connect-Initial per method, offered alone; empty when refused or not asked
 * @param protocols      RDSTLS and HYBRID_EX asked alone
 * @param connections    TCP connections this probe opened
 * @param millis         wall time
 */
public record StandardSecurityEvidence(
        String address,
        NegotiationEvidence rdpOnly,
        EncryptionOfferResult allMethods,
        List<EncryptionOfferResult> singleMethods,
        List<ProtocolSupport> protocols,
        int connections,
        double millis) {

    public StandardSecurityEvidence {
        singleMethods = singleMethods == null ? List.of() : List.copyOf(singleMethods);
        protocols = protocols == null ? List.of() : List.copyOf(protocols);
    }

    /** Whether the server selected standard RDP security when asked for it alone. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public boolean standardSecurityAccepted() {
        return rdpOnly != null && rdpOnly.selected() == SecurityProtocol.RDP;
    }

    /** The encryption level the server announced (its configured minimum), or {@code null} when none was read. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public EncryptionLevel encryptionLevel() {
        List<EncryptionOfferResult> all = new ArrayList<>();
        if (allMethods != null) {
            all.add(allMethods);
        }
        all.addAll(singleMethods);
        return all.stream().filter(r -> r.response() != null && r.response().security() != null)
                .map(r -> r.response().security().level()).findFirst().orElse(null);
    }

    /** Methods the server chose when offered alone: what a client limited to that method gets. */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public List<EncryptionMethod> acceptedMethods() {
        return singleMethods.stream().filter(EncryptionOfferResult::honoured).map(EncryptionOfferResult::selected).distinct().toList();
    }

    /** Methods the server answered although the client had not offered them (xrdp does this). */
    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public List<EncryptionMethod> imposedMethods() {
        List<EncryptionOfferResult> all = new ArrayList<>(singleMethods);
        if (allMethods != null) {
            all.add(allMethods);
        }
        return all.stream().filter(r -> r.selected() != null && !r.honoured()).map(EncryptionOfferResult::selected).distinct().toList();
    }

    /** Whether the server selected a protocol asked for alone. */
    public boolean supports(SecurityProtocol protocol) {
        return protocols.stream().anyMatch(p -> p.asked() == protocol && p.supported());
    }
}
