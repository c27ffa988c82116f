package io.rdphealth.diagnosis.rules;

import io.rdphealth.diagnosis.DiagnosisContext;
import io.rdphealth.diagnosis.Rule;
import io.rdphealth.evidence.DnsEvidence;
import io.rdphealth.evidence.GatewayEvidence;
import io.rdphealth.evidence.TcpEvidence;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingGroup;
import io.rdphealth.finding.Fix;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.report.TargetResult;
import io.rdphealth.target.Target;
import java.time.Instant;
import java.util.List;

/**
 * The CERT_* findings for the gateway's own certificate: the same certificate rules as for an RDP
 * listener run over the gateway's chain, with the gateway as target and a fix that names the
 * gateway's certificate binding instead of the RDP listener's.
 */
public final class GatewayCertificateRule {
    private static final List<Rule> CERTIFICATE_RULES = List.of(new CertificateValidityRule(), new CertificateNameRule(),
            new CertificateTrustRule(), new CertificateStrengthRule(), new CertificateUsageRule());
    private static final Fix GATEWAY_CERTIFICATE = Fix.manual(
            "RD Gateway Manager > gateway > Properties > SSL Certificate: import or select a certificate that is valid, "
                    + "names the gateway's public name, has the Server Authentication EKU and chains to a root the clients trust.",
            "Bind the same certificate to the IIS Default Web Site HTTPS binding on 443, then restart the TSGateway service.",
            "Re-run 'rdphealth check --gateway' to see the new certificate from the wire.");

    public List<Finding> evaluate(GatewayEvidence evidence, Target gateway, SeverityPolicy policy) {
        if (evidence.certificate() == null) {
            return List.of();
        }
        WireEvidence asListener = new WireEvidence(evidence.address(), new TcpEvidence(List.of()), null, null, evidence.tls(),
                List.of(), evidence.certificate(), null, evidence.connections(), evidence.millis());
        TargetResult result = new TargetResult(gateway, new DnsEvidence(List.of(evidence.address()), 0, null),
                List.of(asListener), List.of(), Instant.now(), evidence.millis());
        DiagnosisContext context = new DiagnosisContext(result, policy);
        return CERTIFICATE_RULES.stream()
                .flatMap(rule -> rule.evaluate(context).stream())
                .filter(f -> f.id().group() == FindingGroup.TLS_CERTIFICATE)
                .map(f -> new Finding(f.id(), f.severity(), evidence.gateway(), "gateway certificate: " + f.summary(), f.evidence(),
                        GATEWAY_CERTIFICATE, f.symptoms()))
                .toList();
    }
}
