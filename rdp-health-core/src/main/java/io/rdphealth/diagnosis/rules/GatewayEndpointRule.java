package io.rdphealth.diagnosis.rules;

import io.rdphealth.evidence.GatewayEvidence;
import io.rdphealth.evidence.GatewayHandshake;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the RD Gateway endpoint answers like one (MS-TSGU HTTP transport): GATEWAY_ERROR for a
 * 5xx or a connection closed without an answer, GATEWAY_NOT_RDG for any other answer that is not
 * an RD Gateway's (404, a redirect, a 401 without schemes, something that is not HTTP).
 */
public final class GatewayEndpointRule {

    public List<Finding> evaluate(GatewayEvidence evidence) {
        GatewayHandshake http = evidence.http();
        if (http == null || http.looksLikeGateway()) {
            return List.of();
        }
        String target = evidence.gateway();
        List<String> lines = new ArrayList<>();
        lines.add(describe(http));
        if (evidence.websocket() != null) {
            lines.add(describe(evidence.websocket()));
        }
        if (http.status() != null && http.status() >= 500) {
            return List.of(Finding.of(FindingId.GATEWAY_ERROR, target,
                    "the RD Gateway endpoint answers HTTP " + http.status() + " " + http.reason(), lines, serverErrorFix()));
        }
        if (http.status() == null) {
            return List.of(switch (http.failure().kind()) {
                case NOT_RDP, MALFORMED -> Finding.of(FindingId.GATEWAY_NOT_RDG, target,
                        "the gateway's HTTPS port does not answer HTTP on /remoteDesktopGateway/", lines, notGatewayFix());
                default -> Finding.of(FindingId.GATEWAY_ERROR, target,
                        "the RD Gateway endpoint gives no HTTP answer (" + http.failure().kind() + ")", lines, serverErrorFix());
            });
        }
        String summary = http.status() == 401
                ? "the endpoint answers 401 without any authentication scheme: not an RD Gateway"
                : "HTTPS answers but the RD Gateway endpoint is absent: HTTP " + http.status() + " " + http.reason();
        return List.of(Finding.of(FindingId.GATEWAY_NOT_RDG, target, summary, lines, notGatewayFix()));
    }

    static String describe(GatewayHandshake handshake) {
        String request = "RDG_OUT_DATA /remoteDesktopGateway/" + (handshake.variant() == GatewayHandshake.Variant.WEBSOCKET ? " (websocket)" : "")
                + (handshake.authorizationScheme() != null ? " with " + handshake.authorizationScheme() + " credentials" : "");
        if (handshake.note() != null) {
            return request + ": not sent, " + handshake.note();
        }
        if (handshake.status() == null) {
            return request + ": no answer, " + handshake.failure().kind() + " (" + handshake.failure().detail() + ")";
        }
        return request + ": HTTP " + handshake.status() + " " + handshake.reason()
                + (handshake.authSchemes().isEmpty() ? "" : ", schemes " + String.join(", ", handshake.authSchemes()))
                + (handshake.server() != null ? ", Server: " + handshake.server() : "");
    }

    private static Fix serverErrorFix() {
        return Fix.manual("On the gateway: check the 'Remote Desktop Gateway' service (TSGateway) runs and the event log "
                        + "Microsoft-Windows-TerminalServices-Gateway/Operational for errors.",
                "Check IIS: the RpcWithCert / remoteDesktopGateway application and its application pool must be started.",
                "A reverse proxy or WAF in front of the gateway may cut RDG_OUT_DATA/RDG_IN_DATA: allow these methods and long-lived connections.");
    }

    private static Fix notGatewayFix() {
        return Fix.manual("Check the gateway name and port: this HTTPS server is not an RD Gateway (or the RD Gateway role is not installed).",
                "A reverse proxy in front of the gateway must forward /remoteDesktopGateway/ and the RDG_* methods unchanged.");
    }
}
