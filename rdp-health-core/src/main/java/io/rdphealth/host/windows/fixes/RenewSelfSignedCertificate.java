package io.rdphealth.host.windows.fixes;

import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.host.windows.StoreCertificate;
import io.rdphealth.host.windows.WindowsFixNames;
import io.rdphealth.host.windows.WindowsPort;
import io.rdphealth.host.windows.fix.CertificateState;
import io.rdphealth.host.windows.fix.FixPlan;
import io.rdphealth.host.windows.fix.FixRefusedException;
import io.rdphealth.host.windows.fix.FixStep;
import io.rdphealth.host.windows.rules.EffectiveCertificate;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * renew-cert: delete the self-signed RDP certificate and have Windows generate a new one by
 * restarting SessionEnv and TermService; verified from the wire. The backup keeps the old
 * certificate as a serialized store element (with its key-provider property) plus the key
 * container file's bytes and ACL, which rollback puts back, because Windows re-creates the new
 * key in the same container file.
 */
public final class RenewSelfSignedCertificate {
    private RenewSelfSignedCertificate() {
    }

    public static FixPlan plan(FixContext ctx) throws FixRefusedException {
        WindowsPort port = ctx.port();
        String store = ctx.facts().listener().effectiveSelfSignedStore();
        if (ctx.facts().listener().pinnedCertificateSha1() != null && EffectiveCertificate.pinned(ctx.facts()).isPresent()) {
            throw new FixRefusedException("certificate " + ctx.facts().listener().pinnedCertificateSha1()
                    + " is pinned with SSLCertificateSHA1Hash: renewing the self-signed one would change nothing served; "
                    + "install a new certificate with --pfx, or delete the pin first");
        }
        Optional<StoreCertificate> old = EffectiveCertificate.selfSigned(ctx.facts());
        String oldThumbprint = old.map(StoreCertificate::thumbprint).orElse(null);
        Path keyPath = old.map(FixSupport::keyPath).orElse(null);
        boolean keyExists = old.isPresent() && old.get().key() != null && old.get().key().exists();
        int listenerPort = ctx.facts().listener().effectivePort();

        Saved saved = new Saved();
        FixPlan.Backup backup = folder -> {
            port.createDirectory(folder, null);
            if (oldThumbprint != null) {
                saved.element = port.serializeCertificate(store, oldThumbprint);
                port.writeFile(folder.resolve(oldThumbprint + ".certelement"), saved.element);
                if (keyExists && keyPath != null) {
                    saved.keyBytes = port.readFile(keyPath);
                    saved.keySddl = port.readSecurityDescriptor(keyPath);
                    port.writeFile(folder.resolve(keyPath.getFileName().toString().replace('\\', '_') + ".key"), saved.keyBytes);
                    FixSupport.writeText(port, folder.resolve("key.sddl"), saved.keySddl);
                }
            }
        };

        List<FixStep> steps = new ArrayList<>();
        steps.add(new FixStep("check that SessionEnv, TermService and UmRdpService are installed (rollback restarts them)",
                () -> {
                    for (String name : ServiceControl.START_ORDER) {
                        if (port.queryService(name).state() == io.rdphealth.host.windows.ServiceState.NOT_INSTALLED) {
                            throw new IllegalStateException(name + " is not installed");
                        }
                    }
                },
                () -> ctx.services().restartAll()));
        if (oldThumbprint != null) {
            steps.add(new FixStep("delete certificate " + oldThumbprint + " from LocalMachine\\" + store,
                    () -> port.deleteCertificate(store, oldThumbprint),
                    () -> {
                        for (CertificateInfo other : FixSupport.certificates(port, store)) {
                            if (!other.sha1().equals(oldThumbprint)) {
                                port.deleteCertificate(store, other.sha1());
                            }
                        }
                        if (saved.keyBytes != null) {
                            port.writeFile(keyPath, saved.keyBytes);
                            port.writeSecurityDescriptor(keyPath, saved.keySddl);
                        }
                        port.addSerializedCertificate(store, saved.element);
                    }));
        }
        steps.add(new FixStep("restart SessionEnv and TermService (every RDP session disconnects)",
                () -> ctx.services().restartAll(), null));
        Instant[] deadline = new Instant[1];
        String[] fresh = new String[1];
        steps.add(new FixStep("wait up to " + ctx.settings().certificateTimeout().toSeconds()
                + " s for Windows to generate a new certificate in LocalMachine\\" + store,
                () -> {
                    deadline[0] = ctx.clock().instant().plus(ctx.settings().certificateTimeout());
                    while (true) {
                        Optional<CertificateInfo> created = FixSupport.certificates(port, store).stream()
                                .filter(c -> !c.sha1().equals(oldThumbprint)).findFirst();
                        if (created.isPresent()) {
                            fresh[0] = created.get().sha1();
                            return;
                        }
                        if (!ctx.clock().instant().isBefore(deadline[0])) {
                            throw new IllegalStateException("no new certificate appeared in LocalMachine\\" + store
                                    + " (see System events 1057/1058)");
                        }
                        Thread.sleep(ctx.settings().pollInterval().toMillis());
                    }
                }, null));

        return new FixPlan(WindowsFixNames.RENEW_CERT,
                List.of("TermService is restarted: every RDP session disconnects, including yours if you run this over RDP "
                        + "(sessions stay logged on; reconnect after about a minute)"),
                oldThumbprint == null ? "nothing to back up (the store is empty)"
                        : "certificate " + oldThumbprint + " as a serialized store element, its key container file and ACL",
                backup, steps,
                "the listener on 127.0.0.1:" + listenerPort + " serves the new certificate",
                () -> {
                    String served = ctx.verifier().servedSha1Thumbprint(listenerPort);
                    Optional<FixSupport.Found> created = fresh[0] == null ? Optional.empty() : FixSupport.find(port, store, fresh[0]);
                    if (created.isEmpty()) {
                        throw new IllegalStateException("the new certificate is gone from the store");
                    }
                    if (!created.get().info().sha1().equalsIgnoreCase(served)) {
                        throw new IllegalStateException("the listener serves " + served + ", not the new certificate " + fresh[0]);
                    }
                    return new CertificateState(created.get().info().sha1(), created.get().info().notAfter());
                },
                old.map(c -> FixSupport.stateOf(c.certificate())).orElse(null), false);
    }

    /** What the backup read, for the undo. */
    private static final class Saved {
        byte[] element;
        byte[] keyBytes;
        String keySddl;
    }
}
