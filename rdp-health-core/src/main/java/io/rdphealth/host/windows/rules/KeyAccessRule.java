package io.rdphealth.host.windows.rules;

import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.host.windows.FolderAcl;
import io.rdphealth.host.windows.KeyContainer;
import io.rdphealth.host.windows.KeyStorage;
import io.rdphealth.host.windows.Sddl;
import io.rdphealth.host.windows.StoreCertificate;
import io.rdphealth.host.windows.WindowsFixNames;
import io.rdphealth.host.windows.WindowsHostFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CERT_KEY_MISSING / CERT_KEY_ACCESS_DENIED for the served certificate's private key file, a CAPI
 * container in MachineKeys or a CNG key in Crypto\Keys alike. For a CNG key the Crypto\Keys folder
 * ACL is added as evidence, unjudged: no source RDP Health relies on documents its default.
 */
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
        if (key != null && !key.storage().hasKeyFile()) {
            return List.of(); // a smart card or TPM holds it: no key file, no ACL to judge
        }
        if (key == null || !key.exists()) {
            List<String> evidence = new ArrayList<>();
            if (key == null) {
                evidence.add("certificate " + cert.thumbprint() + " in LocalMachine\\" + cert.store() + " has no private key property");
            } else {
                evidence.add("certificate " + cert.thumbprint() + " points to " + kind(key) + " " + key.containerName());
                evidence.add("key file " + (key.path() == null ? "(unknown path)" : key.path()) + " does not exist");
                evidence.addAll(folderEvidence(facts, key));
            }
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
        List<String> evidence = new ArrayList<>(List.of(kind(key) + " file " + key.path(), "ACL " + key.sddl(),
                "no ACE grants read to NETWORK SERVICE (S-1-5-20) or a group it belongs to, or one denies it"));
        evidence.addAll(folderEvidence(facts, key));
        return List.of(Finding.of(FindingId.CERT_KEY_ACCESS_DENIED, target,
                "NETWORK SERVICE (TermService) cannot read the private key of the RDP certificate " + cert.thumbprint(),
                evidence,
                Fix.automated(WindowsFixNames.REPAIR_KEY_ACL,
                        "Grant NETWORK SERVICE read on the key file: rdphealth fix repair-key-acl",
                        "Then connect again; no restart is needed")));
    }

    private static String kind(KeyContainer key) {
        return switch (key.storage()) {
            case CNG_MACHINE_KEYS -> "CNG key (Microsoft Software Key Storage Provider)";
            case CNG_PROVIDER_HELD -> "CNG key held by the provider " + key.uniqueName();
            case CAPI_MACHINE_KEYS -> "key container";
        };
    }

    /** The Crypto\\Keys folder ACL for a CNG key, as recorded; not judged. */
    private static List<String> folderEvidence(WindowsHostFacts facts, KeyContainer key) {
        FolderAcl folder = facts.cngKeys();
        if (key.storage() != KeyStorage.CNG_MACHINE_KEYS || folder == null) {
            return List.of();
        }
        return List.of("folder " + folder.path() + " ACL " + (folder.sddl() == null ? "(not readable)" : folder.sddl())
                + " (recorded, not judged: RDP Health knows no documented default for this folder)");
    }
}
