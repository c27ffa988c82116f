package io.rdphealth.diagnosis.rules;

import io.rdphealth.diagnosis.DiagnosisContext;
import io.rdphealth.evidence.CertificateEvidence;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import java.util.List;

/** CERT_HOSTNAME_MISMATCH: no SAN (or CN without SANs) matches the name the client uses. */
public final class CertificateNameRule extends CertificateRule {
    @Override
    void check(DiagnosisContext context, WireEvidence address, CertificateEvidence certificate, List<Finding> out) {
        if (certificate.hostnameMatches()) {
            return;
        }
        var leaf = certificate.leaf();
        out.add(Finding.of(FindingId.CERT_HOSTNAME_MISMATCH, context.label(address),
                "the certificate does not name '" + certificate.nameChecked() + "': clients show a name warning",
                plus(describe(leaf), "SANs " + (leaf.subjectAltNames().isEmpty() ? "(none)" : String.join(", ", leaf.subjectAltNames()))),
                Fix.manual("Connect with a name the certificate carries, or",
                        "issue a certificate whose SANs include every name and address clients use ('rdphealth renew-cert --xrdp --force --san NAME').")));
    }
}
