package io.rdphealth.host.windows.fixes;

import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.fix.Compensation;
import io.rdphealth.fix.Step;
import io.rdphealth.fix.StepFailedException;
import io.rdphealth.host.windows.CertificateDecoder;
import io.rdphealth.host.windows.RegistryValue;
import io.rdphealth.host.windows.Sddl;
import io.rdphealth.host.windows.ServiceState;
import io.rdphealth.host.windows.WindowsConstants;
import io.rdphealth.host.windows.WindowsFixNames;
import io.rdphealth.host.windows.WindowsPort;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * install-cert: import a CA-issued certificate from a PKCS#12 file into LocalMachine\My, grant
 * NETWORK SERVICE read on its key, pin it with SSLCertificateSHA1Hash, restart TermService, verify
 * from the wire; roll back on failure. The file is checked in Java before anything changes.
 */
public final class InstallPfxCertificate {
    /** PKCS#12 files are a few KB; a bigger "certificate" is refused unread. */
    public static final int MAX_PFX_BYTES = 1024 * 1024;

    private InstallPfxCertificate() {
    }

    public static WindowsFixPlan plan(FixContext ctx, byte[] pfx, char[] password) throws FixRefusedException {
        WindowsPort port = ctx.port();
        CertificateInfo info = check(pfx, password, ctx);
        String thumbprint = info.sha1();
        byte[] hash = HexFormat.of().parseHex(thumbprint);
        int listenerPort = ctx.facts().listener().effectivePort();
        boolean alreadyInstalled = FixSupport.find(port, WindowsConstants.MY_STORE, thumbprint).isPresent();

        String[] oldKeySddl = new String[1];
        Path[] keyPath = new Path[1];
        List<Step> steps = new ArrayList<>();
        steps.add(Step.of("check that TermService is installed (rollback restarts it)",
                context -> WindowsCompensations.restartRdpServices(),
                context -> {
                    if (port.queryService(WindowsConstants.TERM_SERVICE).state() == ServiceState.NOT_INSTALLED) {
                        throw new StepFailedException(WindowsConstants.TERM_SERVICE + " is not installed");
                    }
                }));
        steps.add(Step.of("import " + thumbprint + " (" + info.subject() + ") with its key into LocalMachine\\My",
                // An already installed certificate stays on undo: it was there before.
                context -> alreadyInstalled ? Compensation.none()
                        : WindowsCompensations.importedCertificate(WindowsConstants.MY_STORE, thumbprint),
                context -> {
                    String imported = port.importPfx(WindowsConstants.MY_STORE, pfx, password);
                    if (!imported.equalsIgnoreCase(thumbprint)) {
                        throw new StepFailedException("Windows imported " + imported + ", expected " + thumbprint);
                    }
                }));
        steps.add(Step.of("grant NETWORK SERVICE read on the key container of " + thumbprint,
                context -> {
                    FixSupport.Found found = FixSupport.find(port, WindowsConstants.MY_STORE, thumbprint)
                            .orElseThrow(() -> new IllegalStateException(thumbprint + " is not in LocalMachine\\My after the import"));
                    if (found.key() == null || found.key().path() == null) {
                        throw new IllegalStateException("the imported certificate has no key container file");
                    }
                    keyPath[0] = found.key().path();
                    oldKeySddl[0] = port.readSecurityDescriptor(keyPath[0]);
                    return WindowsCompensations.securityDescriptor(keyPath[0], oldKeySddl[0], true);
                },
                context -> port.writeSecurityDescriptor(keyPath[0],
                        Sddl.parse(oldKeySddl[0]).withNetworkServiceRead().toSddl())));
        steps.add(Step.of("pin " + thumbprint + " with HKLM\\" + WindowsConstants.RDP_TCP + "\\"
                        + WindowsConstants.SSL_CERTIFICATE_SHA1_HASH,
                context -> WindowsCompensations.registryValue(port, WindowsConstants.RDP_TCP,
                        WindowsConstants.SSL_CERTIFICATE_SHA1_HASH),
                context -> port.writeRegistry(WindowsConstants.RDP_TCP, WindowsConstants.SSL_CERTIFICATE_SHA1_HASH,
                        new RegistryValue.Binary(hash))));
        steps.add(Step.check("restart TermService (every RDP session disconnects)", context -> ctx.services().restartAll()));

        return new WindowsFixPlan(WindowsFixNames.INSTALL_CERT,
                List.of("TermService is restarted: every RDP session disconnects, including yours if you run this over RDP"),
                "the current SSLCertificateSHA1Hash value and the key container's ACL", steps,
                "the listener on 127.0.0.1:" + listenerPort + " serves " + thumbprint,
                () -> {
                    String served = ctx.verifier().servedSha1Thumbprint(listenerPort);
                    if (!thumbprint.equalsIgnoreCase(served)) {
                        throw new IllegalStateException("the listener serves " + served + ", not " + thumbprint);
                    }
                    return new CertificateState(thumbprint, info.notAfter());
                },
                FixSupport.servedBefore(ctx), false);
    }

    /** Opens the PKCS#12 in memory and checks it is usable for RDP before anything changes. */
    static CertificateInfo check(byte[] pfx, char[] password, FixContext ctx) throws FixRefusedException {
        if (pfx == null || pfx.length == 0) {
            throw new FixRefusedException("the PKCS#12 file is empty");
        }
        if (pfx.length > MAX_PFX_BYTES) {
            throw new FixRefusedException("the PKCS#12 file is larger than " + MAX_PFX_BYTES + " bytes");
        }
        X509Certificate cert = null;
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pfx), password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate x) {
                    cert = x;
                    break;
                }
            }
        } catch (Exception e) {
            throw new FixRefusedException("cannot open the PKCS#12 file (wrong password or not PKCS#12): " + e.getMessage());
        }
        if (cert == null) {
            throw new FixRefusedException("the PKCS#12 file holds no certificate with a private key");
        }
        CertificateInfo info;
        try {
            info = CertificateDecoder.describe(cert);
        } catch (Exception e) {
            throw new FixRefusedException("the certificate in the PKCS#12 file cannot be read: " + e.getMessage());
        }
        var now = ctx.clock().instant();
        if (now.isAfter(info.notAfter()) || now.isBefore(info.notBefore())) {
            throw new FixRefusedException("the certificate " + info.sha1() + " is not valid now (valid "
                    + info.notBefore() + " to " + info.notAfter() + ")");
        }
        if (info.hasEkuExtension() && !info.extendedKeyUsages().contains(CertificateInfo.SERVER_AUTH_EKU)) {
            throw new FixRefusedException("the certificate " + info.sha1() + " has no Server Authentication EKU; Windows would refuse it");
        }
        return info;
    }
}
