package io.rdphealth.host.windows.fixes;

import io.rdphealth.fix.Step;
import io.rdphealth.host.windows.SecurityDescriptor;
import io.rdphealth.host.windows.Sddl;
import io.rdphealth.host.windows.StoreCertificate;
import io.rdphealth.host.windows.WindowsFixNames;
import io.rdphealth.host.windows.WindowsPort;
import io.rdphealth.host.windows.rules.EffectiveCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * repair-key-acl: grant NETWORK SERVICE read on the served certificate's key file, a CAPI
 * container in MachineKeys or a CNG key in Crypto\Keys alike (both are files with a DACL).
 */
public final class RepairKeyAcl {
    private RepairKeyAcl() {
    }

    public static WindowsFixPlan plan(FixContext ctx) throws FixRefusedException {
        WindowsPort port = ctx.port();
        StoreCertificate cert = EffectiveCertificate.of(ctx.facts())
                .orElseThrow(() -> new FixRefusedException("there is no RDP certificate whose key could be repaired"));
        if (cert.key() != null && !cert.key().storage().hasKeyFile()) {
            throw new FixRefusedException("the key of " + cert.thumbprint() + " is held by the CNG provider "
                    + cert.key().uniqueName() + " (a smart card or the TPM): it has no key file whose ACL could be repaired");
        }
        if (cert.key() == null || !cert.key().exists() || cert.key().path() == null) {
            throw new FixRefusedException("the key container of " + cert.thumbprint()
                    + " does not exist: an ACL cannot bring it back (use renew-cert or install-cert)");
        }
        Path key = Path.of(cert.key().path());
        String[] old = new String[1];
        Step grant = Step.of("grant NETWORK SERVICE read on " + key + " (and drop deny entries for it)",
                context -> {
                    old[0] = port.readSecurityDescriptor(key);
                    WindowsCompensations.save(context, "key.sddl", (key + "\n" + old[0] + "\n").getBytes(StandardCharsets.UTF_8));
                    return WindowsCompensations.securityDescriptor(key, old[0], false);
                },
                context -> port.writeSecurityDescriptor(key, Sddl.parse(old[0]).withNetworkServiceRead().toSddl()));
        return new WindowsFixPlan(WindowsFixNames.REPAIR_KEY_ACL, List.of(), "the key file's current ACL", List.of(grant),
                "the key file's ACL lets NETWORK SERVICE read it",
                () -> {
                    SecurityDescriptor now = Sddl.parse(port.readSecurityDescriptor(key));
                    if (!now.networkServiceCanRead()) {
                        throw new IllegalStateException("NETWORK SERVICE still cannot read " + key);
                    }
                    return FixSupport.stateOf(cert.certificate());
                },
                FixSupport.stateOf(cert.certificate()), false);
    }
}
