package io.rdphealth.host.windows.rules;

import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.host.windows.KeyContainer;
import io.rdphealth.host.windows.Sddl;
import io.rdphealth.host.windows.StoreCertificate;
import io.rdphealth.host.windows.WindowsFixNames;
import io.rdphealth.host.windows.WindowsHostFacts;
import java.util.List;
import java.util.Optional;

/** CERT_KEY_MISSING / CERT_KEY_ACCESS_DENIED for the served certificate's private key container. */
public final class KeyAccessRule implements WindowsRule {
    @Override
    public List<Finding> check(WindowsHostFacts facts, WindowsRuleContext context) {
        Optional<StoreCertificate> effective = EffectiveCertificate.of(facts);
        if (effective.isEmpty()) {
            return List.of();
        }
        StoreCertificate cert = effective.get();
        KeyContainer key = cert.key();
        String target = facts.computerName();
        boolean selfSigned = EffectiveCertificate.isSelfSignedStoreCertificate(facts, cert);
        if (key == null || !key.exists()) {
            List<String> evidence = key == null
                    ? List.of("certificate " + cert.thumbprint() + " in LocalMachine\\" + cert.store() + " has no private key property")
                    : List.of("certificate " + cert.thumbprint() + " points to key container " + key.containerName(),
                            "key container file " + (key.path() == null ? "(unknown path)" : key.path()) + " does not exist");
            Fix fix = selfSigned
                    ? Fix.automated(WindowsFixNames.RENEW_CERT, "Renew the self-signed certificate: rdphealth renew-cert --windows",
                            "If renewal fails with event 1057, check the MachineKeys folder ACL")
                    : Fix.automated(WindowsFixNames.INSTALL_CERT, "Re-import the certificate with its key from the PKCS#12 file: "
                            + "rdphealth renew-cert --windows --pfx FILE");
            return List.of(Finding.of(FindingId.CERT_KEY_MISSING, target,
                    "The private key of the RDP certificate " + cert.thumbprint() + " is gone (\"keyset does not exist\")",
                    evidence, fix));
        }
        if (key.sddl() == null) {
            return List.of();
        }
        boolean readable;
        try {
            readable = Sddl.parse(key.sddl()).networkServiceCanRead();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        if (readable) {
            return List.of();
        }
        return List.of(Finding.of(FindingId.CERT_KEY_ACCESS_DENIED, target,
                "NETWORK SERVICE (TermService) cannot read the private key of the RDP certificate " + cert.thumbprint(),
                List.of("key container file " + key.path(), "ACL " + key.sddl(),
                        "no ACE grants read to NETWORK SERVICE (S-1-5-20) or a group it belongs to, or one denies it"),
                Fix.automated(WindowsFixNames.REPAIR_KEY_ACL,
                        "Grant NETWORK SERVICE read on the key container: rdphealth fix repair-key-acl",
                        "Then connect again; no restart is needed")));
    }
}
