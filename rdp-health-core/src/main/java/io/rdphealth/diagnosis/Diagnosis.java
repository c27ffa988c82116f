package io.rdphealth.diagnosis;

import io.rdphealth.diagnosis.rules.CertificateNameRule;
import io.rdphealth.diagnosis.rules.CertificateStrengthRule;
import io.rdphealth.diagnosis.rules.CertificateTrustRule;
import io.rdphealth.diagnosis.rules.CertificateUsageRule;
import io.rdphealth.diagnosis.rules.CertificateValidityRule;
import io.rdphealth.diagnosis.rules.DnsRule;
import io.rdphealth.diagnosis.rules.NegotiationRule;
import io.rdphealth.diagnosis.rules.NetworkStabilityRule;
import io.rdphealth.diagnosis.rules.StandardSecurityDetailRule;
import io.rdphealth.diagnosis.rules.TlsRule;
import io.rdphealth.diagnosis.rules.TransportRule;
import io.rdphealth.finding.Finding;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.report.TargetResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Evidence to ranked findings: every rule runs over the wire evidence, host findings (from the
 * Windows or xrdp inspectors of the same machine) join them, the policy sets severities, and the
 * {@link CauseLinker} puts root causes first with the symptoms they explain beneath.
 */
public final class Diagnosis {
    private final SeverityPolicy policy;
    private final List<Rule> rules;
    private final CauseLinker linker = new CauseLinker();

    public Diagnosis(SeverityPolicy policy) {
        this(policy, defaultRules());
    }

    public Diagnosis(SeverityPolicy policy, List<Rule> rules) {
        this.policy = policy;
        this.rules = List.copyOf(rules);
    }

    /** The wire rules, in the data-flow order: name, transport, negotiation, TLS, certificate. */
    public static List<Rule> defaultRules() {
        return List.of(new DnsRule(), new TransportRule(), new NetworkStabilityRule(), new NegotiationRule(),
                new StandardSecurityDetailRule(), new TlsRule(), new CertificateValidityRule(), new CertificateNameRule(), new CertificateTrustRule(),
                new CertificateStrengthRule(), new CertificateUsageRule());
    }

    public SeverityPolicy policy() {
        return policy;
    }

    /** The target's result with its findings filled in. */
    public TargetResult diagnose(TargetResult probed) {
        return diagnose(probed, List.of());
    }

    /** As {@link #diagnose(TargetResult)}, joining findings from inspecting the target's host. */
    public TargetResult diagnose(TargetResult probed, List<Finding> hostFindings) {
        DiagnosisContext context = new DiagnosisContext(probed, policy);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            findings.addAll(rule.evaluate(context));
        }
        findings.addAll(hostFindings);
        return probed.withFindings(rank(findings));
    }

    /** Applies the policy to findings from any source and links/ranks them. */
    public List<Finding> rank(List<Finding> findings) {
        return linker.link(findings.stream().map(policy::apply).toList());
    }
}
