package io.rdphealth.host.windows.rules;

import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.host.windows.StoreCertificate;
import io.rdphealth.host.windows.WindowsConstants;
import io.rdphealth.host.windows.WindowsFixNames;
import io.rdphealth.host.windows.WindowsHostFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The served certificate: CERT_PINNED_NOT_FOUND, NEG_CERT_NOT_ON_SERVER (no certificate at all),
 * CERT_EXPIRED, CERT_EXPIRING_SOON, CERT_NOT_YET_VALID, CERT_NO_SERVER_AUTH_EKU.
 */
public final class CertificateRule implements WindowsRule {
    @Override
    public List<Finding> check(WindowsHostFacts facts, WindowsRuleContext context) {
        List<Finding> findings = new ArrayList<>();
        String target = facts.computerName();
        String pinned = facts.listener().pinnedCertificateSha1();
        if (pinned != null && EffectiveCertificate.pinned(facts).isEmpty()) {
            findings.add(Finding.of(FindingId.CERT_PINNED_NOT_FOUND, target,
                    "SSLCertificateSHA1Hash pins certificate " + pinned + ", which is not in LocalMachine\\My",
                    List.of("HKLM\\" + WindowsConstants.RDP_TCP + "\\SSLCertificateSHA1Hash = " + pinned,
                            "LocalMachine\\My has no certificate with that thumbprint"),
                    Fix.automated(WindowsFixNames.INSTALL_CERT,
                            "Install the certificate from its PKCS#12 file: rdphealth renew-cert --windows --pfx FILE",
                            "Or delete the SSLCertificateSHA1Hash value to fall back to the self-signed certificate, then restart TermService")));
        }
        Optional<StoreCertificate> effective = EffectiveCertificate.of(facts);
        if (effective.isEmpty()) {
            findings.add(Finding.of(FindingId.NEG_CERT_NOT_ON_SERVER, target,
                    "No certificate for the RDP listener: the \"" + facts.listener().effectiveSelfSignedStore()
                            + "\" store is empty" + (pinned == null ? " and none is pinned" : ""),
                    List.of("LocalMachine\\" + facts.listener().effectiveSelfSignedStore() + " holds no certificate"),
                    Fix.automated(WindowsFixNames.RENEW_CERT,
                            "Restart SessionEnv and TermService so Windows generates a self-signed certificate (rdphealth renew-cert --windows)",
                            "If the System log then shows event 1057, repair the MachineKeys ACL first")));
            return findings;
        }
        StoreCertificate cert = effective.get();
        CertificateInfo info = cert.certificate();
        boolean selfSignedStore = EffectiveCertificate.isSelfSignedStoreCertificate(facts, cert);
        List<String> evidence = List.of(
                "LocalMachine\\" + cert.store() + " certificate " + info.sha1() + " subject " + info.subject(),
                "valid " + info.notBefore() + " to " + info.notAfter() + " (" + info.daysLeft(context.now()) + " days left at " + context.now() + ")");
        Fix renew = selfSignedStore
                ? Fix.automated(WindowsFixNames.RENEW_CERT,
                        "Renew the self-signed certificate: rdphealth renew-cert --windows (restarts TermService: sessions disconnect)",
                        "Or install a CA-issued certificate: rdphealth renew-cert --windows --pfx FILE")
                : Fix.automated(WindowsFixNames.INSTALL_CERT,
                        "Obtain a new certificate from the CA as a PKCS#12 file",
                        "Install and pin it: rdphealth renew-cert --windows --pfx FILE");
        long daysLeft = info.daysLeft(context.now());
        if (context.now().isAfter(info.notAfter())) {
            findings.add(Finding.of(FindingId.CERT_EXPIRED, target,
                    "The RDP certificate " + info.sha1() + " expired on " + info.notAfter(), evidence, renew));
        } else if (daysLeft < context.expiryWindowDays()) {
            findings.add(Finding.of(FindingId.CERT_EXPIRING_SOON, target,
                    "The RDP certificate " + info.sha1() + " expires in " + daysLeft + " days", evidence, renew));
        }
        if (context.now().isBefore(info.notBefore())) {
            findings.add(Finding.of(FindingId.CERT_NOT_YET_VALID, target,
                    "The RDP certificate " + info.sha1() + " is not valid before " + info.notBefore() + ": check the host clock",
                    evidence, Fix.manual("Check the host's clock and time source (w32tm /query /status)",
                            "If the clock is right, replace the certificate")));
        }
        if (info.hasEkuExtension() && !info.extendedKeyUsages().contains(CertificateInfo.SERVER_AUTH_EKU)) {
            findings.add(Finding.of(FindingId.CERT_NO_SERVER_AUTH_EKU, target,
                    "The RDP certificate " + info.sha1() + " has no Server Authentication EKU: Windows refuses it (event 1054)",
                    List.of("EKU " + info.extendedKeyUsages(), evidence.get(0)),
                    Fix.automated(WindowsFixNames.INSTALL_CERT,
                            "Request a certificate with the Server Authentication EKU (1.3.6.1.5.5.7.3.1)",
                            "Install and pin it: rdphealth renew-cert --windows --pfx FILE")));
        }
        if (context.servedThumbprint() != null && !context.servedThumbprint().equalsIgnoreCase(info.sha1())) {
            // Context only: the wire showed another certificate than the store suggests (restart pending, or a proxy).
            findings.add(Finding.of(FindingId.EVENT_LOG_EVIDENCE, target,
                    "The listener serves " + context.servedThumbprint() + " but the configured certificate is " + info.sha1()
                            + ": TermService has not reloaded it, or something else answers on the port",
                    List.of("probe saw " + context.servedThumbprint(), evidence.get(0)),
                    Fix.manual("Restart TermService (sessions disconnect) and probe again")));
        }
        return findings;
    }
}
