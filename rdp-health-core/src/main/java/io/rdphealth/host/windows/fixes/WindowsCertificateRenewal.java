package io.rdphealth.host.windows.fixes;

import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.host.windows.ListenerVerifier;
import io.rdphealth.host.windows.StoreCertificate;
import io.rdphealth.host.windows.WindowsFixNames;
import io.rdphealth.host.windows.WindowsHostFacts;
import io.rdphealth.host.windows.WindowsInspector;
import io.rdphealth.host.windows.WindowsPort;
import io.rdphealth.host.windows.WindowsPortException;
import io.rdphealth.host.windows.rules.EffectiveCertificate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code renew-cert --windows}: decides whether the served certificate needs renewing (or the given
 * PKCS#12 installing), and if so runs {@link RenewSelfSignedCertificate} or
 * {@link InstallPfxCertificate} under the {@link WindowsFixRunner} (lock, recovery of an interrupted
 * run, backup, verification from the wire, rollback). The CLI and the renewal facade ({@code io.rdphealth.renew}) both call this.
 */
public final class WindowsCertificateRenewal {
    private final WindowsPort port;
    private final ListenerVerifier verifier;
    private final Clock clock;
    private final FixSettings settings;
    private final Path stateDir;

    /**
     * @param stateDir lock, journal and backups; {@code null} = {@code %ProgramData%\RdpHealth}
     */
    public WindowsCertificateRenewal(WindowsPort port, ListenerVerifier verifier, Clock clock, FixSettings settings,
                                     Path stateDir) {
        this.port = port;
        this.verifier = verifier;
        this.clock = clock;
        this.settings = settings;
        this.stateDir = stateDir;
    }

    /** Renews when needed; progress and the plan go to {@code out}. Never throws for host or input problems. */
    public WindowsRenewalResult renew(WindowsRenewalRequest request, PrintWriter out) {
        String fix = request.pfx() == null ? WindowsFixNames.RENEW_CERT : WindowsFixNames.INSTALL_CERT;
        WindowsHostFacts facts;
        try {
            facts = new WindowsInspector(port, clock).inspect();
        } catch (WindowsPortException e) {
            return refused(fix, e.getMessage(), null);
        }
        CertificateInfo before = served(facts);
        int listenerPort = facts.listener().effectivePort();
        if (request.port() != 0 && request.port() != listenerPort) {
            return refused(fix, "the RDP listener is configured for port " + listenerPort + " (PortNumber), not "
                    + request.port(), before);
        }
        FixContext ctx = new FixContext(port, facts, verifier, clock, settings);
        try {
            CertificateInfo given = request.pfx() == null ? null
                    : InstallPfxCertificate.check(request.pfx(), request.passwordOrEmpty(), ctx);
            Optional<String> reason = reason(facts, request, given, clock.instant());
            if (reason.isEmpty()) {
                String text = nothingToDo(before, request, given);
                out.println("nothing to do: " + text);
                out.flush();
                return new WindowsRenewalResult(WindowsRenewalResult.Status.NOTHING_TO_DO, fix, text, null, before, before);
            }
            out.println("renewing: " + reason.get());
            out.flush();
            String[] overtaken = new String[1];
            FixResult result = new WindowsFixRunner(port, verifier, clock, settings, stateDir).run(fix, fresh -> {
                // Decided again inside the lock: another run may have renewed, recovery may have restored.
                Optional<String> still = reason(fresh.facts(), request, given, clock.instant());
                if (still.isEmpty()) {
                    overtaken[0] = nothingToDo(served(fresh.facts()), request, given);
                    throw new FixRefusedException("nothing to do any more: " + overtaken[0]);
                }
                return request.pfx() == null ? RenewSelfSignedCertificate.plan(fresh)
                        : InstallPfxCertificate.plan(fresh, request.pfx(), request.passwordOrEmpty());
            }, request.dryRun(), out);
            CertificateInfo after = before;
            if (result.status() != FixStatus.PLANNED) {
                try {
                    after = served(new WindowsInspector(port, clock).inspect());
                } catch (WindowsPortException e) {
                    out.println("could not re-inspect the host after the fix: " + e.getMessage());
                    after = null;
                }
            }
            if (overtaken[0] != null && result.status() == FixStatus.REFUSED) {
                out.println("nothing to do: " + overtaken[0]);
                out.flush();
                return new WindowsRenewalResult(WindowsRenewalResult.Status.NOTHING_TO_DO, fix, overtaken[0], result,
                        before, after);
            }
            return new WindowsRenewalResult(status(result), fix, result.status() == FixStatus.REFUSED ? result.error()
                    : reason.get(), result, before, after);
        } catch (FixRefusedException e) {
            return refused(fix, e.getMessage(), before);
        } catch (WindowsPortException e) {
            return refused(fix, e.getMessage(), before);
        }
    }

    /**
     * Why the served certificate must be renewed, or empty (pure). Self-signed: no certificate, its
     * key container missing, expired, within {@code renewWithinDays}, or forced. Given PKCS#12:
     * not the pinned certificate, or forced.
     */
    static Optional<String> reason(WindowsHostFacts facts, WindowsRenewalRequest request, CertificateInfo given,
                                   Instant now) {
        Optional<StoreCertificate> effective = EffectiveCertificate.of(facts);
        if (given != null) {
            String pinned = facts.listener().pinnedCertificateSha1();
            if (!given.sha1().equalsIgnoreCase(pinned == null ? "" : pinned) || EffectiveCertificate.pinned(facts).isEmpty()) {
                return Optional.of("install the given certificate " + given.sha1() + " in place of "
                        + effective.map(StoreCertificate::thumbprint).orElse("(none)"));
            }
            return request.force() ? Optional.of("--force: reinstall " + given.sha1()) : Optional.empty();
        }
        if (effective.isEmpty()) {
            return Optional.of("no certificate in LocalMachine\\" + facts.listener().effectiveSelfSignedStore());
        }
        StoreCertificate current = effective.get();
        if (current.key() == null || !current.key().exists()) {
            return Optional.of("the private key of " + current.thumbprint() + " is missing");
        }
        CertificateInfo info = current.certificate();
        if (info.notAfter().isBefore(now)) {
            return Optional.of("the certificate " + info.sha1() + " expired on " + info.notAfter());
        }
        long daysLeft = info.daysLeft(now);
        if (daysLeft < request.renewWithinDays()) {
            return Optional.of("the certificate " + info.sha1() + " expires in " + daysLeft + " days (" + info.notAfter()
                    + "), within " + request.renewWithinDays());
        }
        return request.force() ? Optional.of("--force") : Optional.empty();
    }

    private static String nothingToDo(CertificateInfo before, WindowsRenewalRequest request, CertificateInfo given) {
        if (given != null) {
            return "the given certificate " + given.sha1() + " is already installed and pinned";
        }
        return "the certificate " + before.sha1() + " is valid until " + before.notAfter() + " (more than "
                + request.renewWithinDays() + " days)";
    }

    private static CertificateInfo served(WindowsHostFacts facts) {
        return EffectiveCertificate.of(facts).map(StoreCertificate::certificate).orElse(null);
    }

    private static WindowsRenewalResult.Status status(FixResult result) {
        return switch (result.status()) {
            case PLANNED -> WindowsRenewalResult.Status.PLANNED;
            case APPLIED -> WindowsRenewalResult.Status.APPLIED;
            case ROLLED_BACK -> WindowsRenewalResult.Status.ROLLED_BACK;
            case ROLLBACK_FAILED -> WindowsRenewalResult.Status.ROLLBACK_FAILED;
            case REFUSED -> WindowsRenewalResult.Status.REFUSED;
        };
    }

    private static WindowsRenewalResult refused(String fix, String why, CertificateInfo before) {
        return new WindowsRenewalResult(WindowsRenewalResult.Status.REFUSED, fix, why, FixResult.refused(fix, why),
                before, before);
    }
}
