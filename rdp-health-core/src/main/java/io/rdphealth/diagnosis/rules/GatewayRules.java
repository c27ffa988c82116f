package io.rdphealth.diagnosis.rules;

import io.rdphealth.evidence.GatewayEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.target.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * Every gateway rule over one {@link GatewayEvidence}, in data-flow order: reachability, TLS,
 * certificate, endpoint, authentication. Findings come unranked and at the rules' severities: the
 * caller applies the policy and links causes (Diagnosis.rank).
 */
public final class GatewayRules {
    private final GatewayReachabilityRule reachability = new GatewayReachabilityRule();
    private final GatewayCertificateRule certificate = new GatewayCertificateRule();
    private final GatewayEndpointRule endpoint = new GatewayEndpointRule();
    private final GatewayAuthRule auth = new GatewayAuthRule();

    public List<Finding> evaluate(GatewayEvidence evidence, Target gateway, SeverityPolicy policy) {
        List<Finding> findings = new ArrayList<>(reachability.evaluate(evidence));
        findings.addAll(certificate.evaluate(evidence, gateway, policy));
        findings.addAll(endpoint.evaluate(evidence));
        findings.addAll(auth.evaluate(evidence));
        return findings;
    }
}
