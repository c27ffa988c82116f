package io.rdphealth.diagnosis.rules;

import io.rdphealth.evidence.GatewayEvidence;
import io.rdphealth.evidence.GatewayHandshake;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** GATEWAY_AUTH_BASIC_ONLY: every scheme the gateway offers (plain or websocket) is Basic. */
public final class GatewayAuthRule {

    public List<Finding> evaluate(GatewayEvidence evidence) {
        Set<String> schemes = new LinkedHashSet<>();
        List<String> lines = new ArrayList<>();
        for (GatewayHandshake handshake : new GatewayHandshake[] {evidence.http(), evidence.websocket()}) {
            if (handshake != null && handshake.status() != null && handshake.status() == 401) {
                handshake.authSchemes().forEach(s -> schemes.add(s.toLowerCase(Locale.ROOT)));
                lines.add(GatewayEndpointRule.describe(handshake));
            }
        }
        if (schemes.isEmpty() || !schemes.equals(Set.of("basic"))) {
            return List.of();
        }
        return List.of(Finding.of(FindingId.GATEWAY_AUTH_BASIC_ONLY, evidence.gateway(),
                "the gateway offers only Basic authentication: passwords cross in base64 inside TLS, and Windows clients with SSO or smart cards fail",
                lines, Fix.manual("RD Gateway / IIS: enable Windows Authentication (Negotiate, NTLM) on the remoteDesktopGateway application.",
                        "If a reverse proxy rewrites WWW-Authenticate, let the gateway's own schemes through.")));
    }
}
