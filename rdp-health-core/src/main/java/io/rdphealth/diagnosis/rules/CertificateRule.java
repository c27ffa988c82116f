package io.rdphealth.diagnosis.rules;

import io.rdphealth.diagnosis.DiagnosisContext;
import io.rdphealth.diagnosis.Rule;
import io.rdphealth.evidence.CertificateEvidence;
import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import java.util.ArrayList;
import java.util.List;

/** Base of the certificate rules: runs {@link #check} for every address that presented a chain. */
abstract class CertificateRule implements Rule {

    @Override
    public final List<Finding> evaluate(DiagnosisContext context) {
        List<Finding> findings = new ArrayList<>();
        for (WireEvidence address : context.result().addresses()) {
            if (address.certificate() != null) {
                check(context, address, address.certificate(), findings);
            }
        }
        return findings;
    }

    abstract void check(DiagnosisContext context, WireEvidence address, CertificateEvidence certificate, List<Finding> out);

    static List<String> describe(CertificateInfo leaf) {
        return List.of("subject " + leaf.subject(), "issuer " + leaf.issuer(),
                "valid " + leaf.notBefore() + " .. " + leaf.notAfter(), "SHA-1 thumbprint " + leaf.sha1());
    }

    static List<String> plus(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }
}
