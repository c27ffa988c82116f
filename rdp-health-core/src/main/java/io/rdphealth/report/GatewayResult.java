package io.rdphealth.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.rdphealth.evidence.GatewayEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.target.Target;
import java.util.List;

/**
 * The RD Gateway in front of the targets, probed once per run.
 *
 * @param gateway  the gateway (default port 443)
 * @param evidence TLS, certificate and the MS-TSGU HTTP handshake
 * @param findings ranked GATEWAY_* and CERT_* findings with the gateway as target
 */
public record GatewayResult(Target gateway, GatewayEvidence evidence, List<Finding> findings) {
    public GatewayResult {
        findings = List.copyOf(findings);
    }

    @JsonProperty(access = JsonProperty.Access.READ_ONLY)
    public HealthState state() {
        return HealthState.of(findings.stream().map(Finding::worstSeverity).max(Enum::compareTo).orElse(null));
    }
}
