package io.rdphealth.diagnosis.rules;

import io.rdphealth.evidence.EncryptionOfferResult;
import io.rdphealth.evidence.ProtocolSupport;
import io.rdphealth.evidence.StandardSecurityEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.wire.EncryptionLevel;
import io.rdphealth.wire.EncryptionMethod;
import io.rdphealth.wire.McsConnectResponse;
import io.rdphealth.wire.ServerSecurityData;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * LEGACY_RDP_SECURITY_ALLOWED with the detail only the MCS exchange gives: the encryption level the
 * server announces, the methods it accepts, the methods it imposes unasked, its RSA key, and what
 * it selects when RDSTLS or HYBRID_EX is asked alone. It supersedes the bare finding of
 * {@link NegotiationRule} for the same target when this evidence exists (same ID, more evidence).
 */
public final class StandardSecurityRule {

    public List<Finding> evaluate(StandardSecurityEvidence evidence, String target) {
        if (evidence == null || !evidence.standardSecurityAccepted()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("asked RDP only, server answered " + NegotiationRule.describe(evidence.rdpOnly().confirm()));
        EncryptionLevel level = evidence.encryptionLevel();
        if (level != null) {
            lines.add("encryption level " + level + " (" + level.value() + ")");
        }
        if (evidence.allMethods() != null) {
            lines.add("offered all methods: " + outcome(evidence.allMethods()));
        }
        for (EncryptionOfferResult single : evidence.singleMethods()) {
            lines.add("offered " + String.join("|", EncryptionMethod.names(single.offeredMethods())) + " alone: " + outcome(single));
        }
        key(evidence).ifPresent(lines::add);
        for (ProtocolSupport protocol : evidence.protocols()) {
            lines.add("asked " + protocol.asked() + " alone: " + (protocol.negotiation().confirm() != null
                    ? NegotiationRule.describe(protocol.negotiation().confirm())
                    : "no answer (" + protocol.negotiation().failure().detail() + ")")
                    + (protocol.supported() ? " - supported" : " - not supported"));
        }

        List<EncryptionMethod> accepted = evidence.acceptedMethods();
        List<EncryptionMethod> imposed = evidence.imposedMethods();
        StringBuilder summary = new StringBuilder("standard RDP security is accepted (RC4/3DES, no server authentication)");
        if (level != null) {
            summary.append(", encryption level ").append(level);
        }
        if (!accepted.isEmpty()) {
            summary.append(", methods ").append(accepted.stream().map(EncryptionMethod::label).collect(Collectors.joining(", ")));
        }
        if (!imposed.isEmpty()) {
            summary.append("; the server answers ").append(imposed.stream().map(EncryptionMethod::label).collect(Collectors.joining(", ")))
                    .append(" even when the client did not offer it");
        }
        if (level == EncryptionLevel.NONE) {
            summary.append("; the session is not encrypted at all");
        } else if (accepted.stream().anyMatch(EncryptionMethod::isExportGrade) || imposed.stream().anyMatch(EncryptionMethod::isExportGrade)) {
            summary.append("; 40/56-bit keys can be brute-forced");
        }
        return List.of(Finding.of(FindingId.LEGACY_RDP_SECURITY_ALLOWED, target, summary.toString(), lines, Fix.manual(
                "Windows: set RDP-Tcp SecurityLayer to 2 (TLS) or 1 (negotiate) and UserAuthentication to 1 (NLA); if standard security must stay, set MinEncryptionLevel to 3 (High) or 4 (FIPS).",
                "xrdp: set security_layer=tls (or negotiate with a working certificate) in xrdp.ini; if rdp must stay, crypt_level=high or fips.",
                "Re-run the check: the server must answer FAILURE 1 or 5 to a request for standard RDP security only.")));
    }

    private static String outcome(EncryptionOfferResult result) {
        if (!result.reachedMcs()) {
            return result.negotiation() != null && result.negotiation().confirm() != null
                    ? "server answered " + NegotiationRule.describe(result.negotiation().confirm())
                    : "no X.224 answer (" + (result.negotiation() == null || result.negotiation().failure() == null
                            ? "unknown" : result.negotiation().failure().detail()) + ")";
        }
        if (result.failure() != null) {
            return "no MCS Connect-Response (" + result.failure().kind() + ": " + result.failure().detail() + ")";
        }
        McsConnectResponse response = result.response();
        if (!response.successful()) {
            return "MCS Connect-Response " + McsConnectResponse.resultName(response.result());
        }
        ServerSecurityData security = response.security();
        if (security == null) {
            return "MCS Connect-Response without server security data";
        }
        String chosen = security.method() != null ? security.method().label()
                : security.encryptionMethod() == 0 ? "no encryption" : String.format("undefined method 0x%X", security.encryptionMethod());
        return "server chose " + chosen + (result.selected() != null && !result.honoured() ? " (not offered)" : "");
    }

    private static java.util.Optional<String> key(StandardSecurityEvidence evidence) {
        List<EncryptionOfferResult> all = new ArrayList<>();
        if (evidence.allMethods() != null) {
            all.add(evidence.allMethods());
        }
        all.addAll(evidence.singleMethods());
        return all.stream().filter(r -> r.response() != null && r.response().security() != null)
                .map(r -> r.response().security())
                .filter(s -> s.certificateKind() != ServerSecurityData.CertificateKind.NONE)
                .findFirst()
                .map(s -> "server certificate " + s.certificateKind()
                        + (s.serverKeyBits() != null ? ", RSA key " + s.serverKeyBits() + " bits" : ""));
    }
}
