package io.rdphealth.host.windows.fixes;

import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.fix.Step;
import io.rdphealth.fix.StepFailedException;
import io.rdphealth.host.windows.ServiceState;
import io.rdphealth.host.windows.StoreCertificate;
import io.rdphealth.host.windows.WindowsFixNames;
import io.rdphealth.host.windows.WindowsPort;
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
 * container file's bytes and ACL ({@link WindowsCompensations#STORE_CERTIFICATE}), which rollback
 * or the recovery of an interrupted run puts back.
 */
public final class RenewSelfSignedCertificate {
    private RenewSelfSignedCertificate() {
    }

    public static WindowsFixPlan plan(FixContext ctx) throws FixRefusedException {
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

        List<Step> steps = new ArrayList<>();
        steps.add(Step.of("check that SessionEnv, TermService and UmRdpService are installed (rollback restarts them)",
                context -> WindowsCompensations.restartRdpServices(),
                context -> {
                    for (String name : ServiceControl.START_ORDER) {
                        if (port.queryService(name).state() == ServiceState.NOT_INSTALLED) {
                            throw new StepFailedException(name + " is not installed");
                        }
                    }
                }));
        if (oldThumbprint != null) {
            // Windows re-creates the new key in the same container file: the undo puts the old bytes and ACL back.
            steps.add(Step.of("delete certificate " + oldThumbprint + " from LocalMachine\\" + store,
                    context -> WindowsCompensations.storeCertificate(port, context, store, oldThumbprint,
                            keyExists ? keyPath : null),
                    context -> port.deleteCertificate(store, oldThumbprint)));
        }
        steps.add(Step.check("restart SessionEnv and TermService (every RDP session disconnects)",
                context -> ctx.services().restartAll()));
        String[] fresh = new String[1];
        steps.add(Step.check("wait up to " + ctx.settings().certificateTimeout().toSeconds()
                + " s for Windows to generate a new certificate in LocalMachine\\" + store,
                context -> fresh[0] = awaitNewCertificate(ctx, store, oldThumbprint)));

        return new WindowsFixPlan(WindowsFixNames.RENEW_CERT,
                List.of("TermService is restarted: every RDP session disconnects, including yours if you run this over RDP "
                        + "(sessions stay logged on; reconnect after about a minute)"),
                oldThumbprint == null ? "nothing to back up (the store is empty)"
                        : "certificate " + oldThumbprint + " as a serialized store element, its key container file and ACL",
                steps,
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

    /** Polls the store until a certificate other than {@code oldThumbprint} appears; its thumbprint. */
    private static String awaitNewCertificate(FixContext ctx, String store, String oldThumbprint) throws StepFailedException {
        Instant deadline = ctx.clock().instant().plus(ctx.settings().certificateTimeout());
        while (true) {
            Optional<CertificateInfo> created = FixSupport.certificates(ctx.port(), store).stream()
                    .filter(c -> !c.sha1().equals(oldThumbprint)).findFirst();
            if (created.isPresent()) {
                return created.get().sha1();
            }
            if (!ctx.clock().instant().isBefore(deadline)) {
                throw new StepFailedException("no new certificate appeared in LocalMachine\\" + store
                        + " (see System events 1057/1058)");
            }
            try {
                Thread.sleep(ctx.settings().pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StepFailedException("interrupted while waiting for the new certificate", e);
            }
        }
    }
}
