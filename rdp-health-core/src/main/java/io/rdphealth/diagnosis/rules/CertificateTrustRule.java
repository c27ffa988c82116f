package io.rdphealth.diagnosis.rules;

import io.rdphealth.diagnosis.DiagnosisContext;
import io.rdphealth.evidence.CertificateEvidence;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import java.util.List;

/** CERT_SELF_SIGNED and CERT_UNTRUSTED (against the given trust store; reported, never required). */
public final class CertificateTrustRule extends CertificateRule {
    @Override
    void check(DiagnosisContext context, WireEvidence address, CertificateEvidence certificate, List<Finding> out) {
        var leaf = certificate.leaf();
        String target = context.label(address);
        if (leaf.selfSigned()) {
            out.add(Finding.of(FindingId.CERT_SELF_SIGNED, target,
                    "the certificate is self-signed: clients warn unless it is trusted explicitly", describe(leaf),
                    Fix.manual("Usual for Windows' own Remote Desktop certificate; to stop warnings, install a CA-issued certificate ('rdphealth renew-cert --xrdp|--windows --pfx FILE')",
                            "or distribute this certificate to the clients' trusted store.")));
        }
        if (!certificate.trusted()) {
            out.add(Finding.of(FindingId.CERT_UNTRUSTED, target,
                    "the chain does not build to a trusted root", plus(describe(leaf), "path check: " + certificate.trustDetail()),
                    Fix.manual("Install a certificate issued by a CA the clients trust, with its intermediates.",
                            "Or pass the trust store clients really use (--trust-store) if it differs from the JVM's.")));
        }
    }
}
