package io.rdphealth.diagnosis.rules;

import io.rdphealth.diagnosis.DiagnosisContext;
import io.rdphealth.evidence.CertificateEvidence;
import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import java.util.List;

/**
 * CERT_NO_SERVER_AUTH_EKU: an EKU extension is present and lists neither Server Authentication
 * nor anyExtendedKeyUsage. Without the extension any use is allowed, which is fine.
 */
public final class CertificateUsageRule extends CertificateRule {
    static final String ANY_EXTENDED_KEY_USAGE = "2.5.29.37.0";

    @Override
    void check(DiagnosisContext context, WireEvidence address, CertificateEvidence certificate, List<Finding> out) {
        CertificateInfo leaf = certificate.leaf();
        if (!leaf.hasEkuExtension() || leaf.extendedKeyUsages().contains(CertificateInfo.SERVER_AUTH_EKU)
                || leaf.extendedKeyUsages().contains(ANY_EXTENDED_KEY_USAGE)) {
            return;
        }
        out.add(Finding.of(FindingId.CERT_NO_SERVER_AUTH_EKU, context.label(address),
                "the certificate is not allowed for server authentication (EKU lacks 1.3.6.1.5.5.7.3.1)",
                CertificateRule.plus(describe(leaf), "EKU " + String.join(", ", leaf.extendedKeyUsages())),
                Fix.manual("Request a certificate from a template with the Server Authentication EKU (e.g. 'Remote Desktop' or 'Web Server') and install it ('rdphealth renew-cert --xrdp|--windows --pfx FILE').")));
    }
}
