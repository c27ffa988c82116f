package io.rdphealth.diagnosis.rules;

import io.rdphealth.evidence.ExchangeFailure;
import io.rdphealth.evidence.FailureKind;
import io.rdphealth.evidence.GatewayEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import java.util.List;

/** GATEWAY_UNREACHABLE (no TCP to the HTTPS port, or the name does not resolve) and GATEWAY_TLS_FAILED. */
public final class GatewayReachabilityRule {

    public List<Finding> evaluate(GatewayEvidence evidence) {
        String target = evidence.gateway();
        ExchangeFailure connect = evidence.connectFailure();
        if (connect != null) {
            String what = switch (connect.kind()) {
                case DNS_UNRESOLVED -> "the gateway name does not resolve";
                case REFUSED -> "the gateway's HTTPS port refuses connections";
                case CONNECT_TIMEOUT -> "the gateway's HTTPS port does not answer the TCP handshake";
                default -> "the gateway cannot be reached";
            };
            return List.of(Finding.of(FindingId.GATEWAY_UNREACHABLE, target, what,
                    List.of(connect.kind() + ": " + connect.detail() + " after " + connect.afterMillis() + " ms"),
                    Fix.manual("Check the gateway name in the .rdp file / client settings and that it resolves from the client's network.",
                            "On the gateway: the 'Remote Desktop Gateway' service (TSGateway) and IIS must run, and TCP 443 must be open in the firewall.",
                            "Check load balancers and reverse proxies in front of the gateway.")));
        }
        if (evidence.tls() != null && evidence.tls().failure() != null) {
            ExchangeFailure tls = evidence.tls().failure();
            String why = tls.kind() == FailureKind.TLS_ERROR ? tls.detail()
                    : "the gateway closed or stalled the handshake (" + tls.kind() + ": " + tls.detail() + ")";
            return List.of(Finding.of(FindingId.GATEWAY_TLS_FAILED, target, "TLS to the gateway fails: " + why,
                    List.of("TLS handshake offering TLS 1.0-1.3 failed after " + tls.afterMillis() + " ms: " + tls.detail()),
                    Fix.manual("RD Gateway Manager > Properties > SSL Certificate: bind a valid certificate with its private key.",
                            "Check the IIS HTTPS binding of the Default Web Site on 443 uses the same certificate.",
                            "Check SCHANNEL: TLS 1.2 must be enabled server side.")));
        }
        return List.of();
    }
}
