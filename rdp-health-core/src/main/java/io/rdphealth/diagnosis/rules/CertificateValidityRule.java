package io.rdphealth.diagnosis.rules;

import io.rdphealth.diagnosis.DiagnosisContext;
import io.rdphealth.evidence.CertificateEvidence;
import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.finding.Severity;
import java.util.List;

/**
 * CERT_EXPIRED, CERT_NOT_YET_VALID, CERT_EXPIRING_SOON (window from the policy). An expired
 * certificate on a listener that refuses standard RDP security blocks every client that checks
 * dates, so it is raised to CRITICAL there (the catalog allows raising on such evidence).
 */
public final class CertificateValidityRule extends CertificateRule {
    private static final Fix RENEW = Fix.automated("renew-cert",
            "Renew the listener certificate: 'rdphealth renew-cert --xrdp' / '--windows', or the rdpRenewCert pipeline step.",
            "Windows self-signed: delete it from the 'Remote Desktop' store and restart SessionEnv and TermService; a new one is generated.",
            "CA-issued: request a new certificate with the Server Authentication EKU and install it ('rdphealth renew-cert --xrdp|--windows --pfx FILE').",
            "Re-run the check to see the new expiry date from the wire.");

    @Override
    void check(DiagnosisContext context, WireEvidence address, CertificateEvidence certificate, List<Finding> out) {
        CertificateInfo leaf = certificate.leaf();
        String target = context.label(address);
        long days = certificate.daysLeft();
        List<String> evidence = describe(leaf);
        if (certificate.checkedAt().isAfter(leaf.notAfter())) {
            Finding expired = Finding.of(FindingId.CERT_EXPIRED, target,
                    "the certificate expired on " + leaf.notAfter() + " (" + -days + " days ago)", evidence, RENEW);
            out.add(DiagnosisContext.requiresTls(address) ? expired.withSeverity(Severity.CRITICAL) : expired);
        } else if (certificate.checkedAt().isBefore(leaf.notBefore())) {
            out.add(Finding.of(FindingId.CERT_NOT_YET_VALID, target,
                    "the certificate is not valid before " + leaf.notBefore() + ": clock skew or a bad issuance",
                    plus(evidence, "checked at " + certificate.checkedAt()),
                    Fix.manual("Compare the host's and the client's clocks (w32tm /query /status, timedatectl); fix NTP.",
                            "If the clocks are right, reissue the certificate with a correct notBefore ('rdphealth renew-cert --xrdp|--windows --force').")));
        } else if (days < context.policy().expiryWindowDays()) {
            out.add(Finding.of(FindingId.CERT_EXPIRING_SOON, target,
                    "the certificate expires in " + days + " days (" + leaf.notAfter() + ")",
                    plus(evidence, "expiry window " + context.policy().expiryWindowDays() + " days"), RENEW));
        }
    }
}
