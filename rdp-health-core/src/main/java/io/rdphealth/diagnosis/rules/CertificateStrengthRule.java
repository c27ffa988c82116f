package io.rdphealth.diagnosis.rules;

import io.rdphealth.diagnosis.DiagnosisContext;
import io.rdphealth.evidence.CertificateEvidence;
import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import java.util.List;
import java.util.Locale;

/**
 * CERT_WEAK_KEY (RSA/DSA under 2048 bits, EC under 224) and CERT_WEAK_SIGNATURE (SHA-1 or MD5 on
 * any certificate but a self-signed root, whose own signature nobody checks).
 */
public final class CertificateStrengthRule extends CertificateRule {
    static final int MIN_RSA_BITS = 2048;
    static final int MIN_EC_BITS = 224;

    @Override
    void check(DiagnosisContext context, WireEvidence address, CertificateEvidence certificate, List<Finding> out) {
        String target = context.label(address);
        CertificateInfo leaf = certificate.leaf();
        boolean ec = leaf.keyAlgorithm().toUpperCase(Locale.ROOT).startsWith("EC");
        if (leaf.keyBits() > 0 && leaf.keyBits() < (ec ? MIN_EC_BITS : MIN_RSA_BITS)) {
            out.add(Finding.of(FindingId.CERT_WEAK_KEY, target,
                    "the certificate's " + leaf.keyAlgorithm() + " key has only " + leaf.keyBits() + " bits",
                    CertificateRule.plus(describe(leaf), "key " + leaf.keyAlgorithm() + " " + leaf.keyBits() + " bits"),
                    Fix.automated("renew-cert", "Renew with a 2048-bit (or larger) RSA or a P-256 ECDSA key ('rdphealth renew-cert --xrdp|--windows --force').")));
        }
        for (int i = 0; i < certificate.chain().size(); i++) {
            CertificateInfo certificateInChain = certificate.chain().get(i);
            boolean isRoot = i > 0 && certificateInChain.selfSigned();
            String algorithm = certificateInChain.signatureAlgorithm().toUpperCase(Locale.ROOT);
            if (!isRoot && (algorithm.contains("SHA1") || algorithm.contains("MD5"))) {
                out.add(Finding.of(FindingId.CERT_WEAK_SIGNATURE, target,
                        (i == 0 ? "the certificate" : "chain certificate " + i) + " is signed with " + certificateInChain.signatureAlgorithm(),
                        CertificateRule.plus(describe(certificateInChain), "signature " + certificateInChain.signatureAlgorithm()),
                        Fix.automated("renew-cert", "Reissue the certificate with a SHA-256 signature ('rdphealth renew-cert --xrdp|--windows --force').")));
                break;
            }
        }
    }
}
