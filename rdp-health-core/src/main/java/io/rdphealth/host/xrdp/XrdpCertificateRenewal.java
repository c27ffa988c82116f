package io.rdphealth.host.xrdp;

import io.rdphealth.cert.CertificateMinter;
import io.rdphealth.cert.KeyMaterial;
import io.rdphealth.cert.SelfSignedSpec;
import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.fix.ChangeOutcome;
import io.rdphealth.fix.ChangePlan;
import io.rdphealth.fix.ChangeRunner;
import io.rdphealth.fix.ChangeSession;
import io.rdphealth.fix.FileOwnership;
import io.rdphealth.fix.RecoveryReport;
import io.rdphealth.fix.Step;
import io.rdphealth.probe.cert.CertificateDecoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code renew-cert --xrdp}: renews xrdp's certificate when it is expired, expiring, missing,
 * unusable or mismatched (or forced, or a different given certificate is to be installed), and
 * otherwise changes nothing. The change runs under the {@link ChangeRunner} discipline: host
 * lock, recovery of a killed earlier run, backups, atomic writes, local and wire verification,
 * rollback when a step or the verification fails.
 */
public final class XrdpCertificateRenewal {
    private final XrdpInspector inspector;
    private final ChangeRunner runner;
    private final XrdpVerifier verifier;
    private final Clock clock;

    public XrdpCertificateRenewal(XrdpInspector inspector, ChangeRunner runner, ServedCertificateSource wire,
                                  Optional<XrdpRestarter> restarter, Clock clock) {
        this.inspector = inspector;
        this.runner = runner;
        this.verifier = new XrdpVerifier(inspector, wire, restarter);
        this.clock = clock;
    }

    public XrdpChangeResult renew(XrdpRenewalRequest request) throws IOException {
        if (request.dryRun()) {
            return dryRun(request);
        }
        try (ChangeSession session = runner.open()) {
            // Decide only now: recovery may just have restored files, another run may have renewed.
            XrdpHostFacts facts = inspector.inspect(request.iniPath(), null);
            RecoveryReport recovery = session.recovery();
            String refusal = refusal(facts);
            if (refusal != null) {
                return new XrdpChangeResult(XrdpChangeResult.Status.REFUSED, refusal, List.of(), recovery, null,
                        facts.certificate(), facts.certificate(), null);
            }
            Optional<String> reason = reason(facts, request, clock);
            if (reason.isEmpty()) {
                return new XrdpChangeResult(XrdpChangeResult.Status.NOTHING_TO_DO, nothingToDo(facts, request),
                        List.of(), recovery, null, facts.certificate(), facts.certificate(), null);
            }
            KeyMaterial material = material(facts, request);
            CertificateInfo next = describe(material);
            String[] verification = new String[1];
            ChangePlan plan = plan(facts, request, material, next, verification);
            ChangeOutcome outcome = session.apply(plan);
            XrdpHostFacts after = inspector.inspect(request.iniPath(), null);
            if (outcome instanceof ChangeOutcome.Completed) {
                return new XrdpChangeResult(XrdpChangeResult.Status.APPLIED, reason.get(), plan.describe(), recovery,
                        outcome, facts.certificate(), after.certificate(), verification[0]);
            }
            return new XrdpChangeResult(XrdpChangeResult.Status.ROLLED_BACK, reason.get(), plan.describe(), recovery,
                    outcome, facts.certificate(), after.certificate(), null);
        } catch (GeneralSecurityException e) {
            return new XrdpChangeResult(XrdpChangeResult.Status.REFUSED, "cannot create the new certificate: "
                    + e.getMessage(), List.of(), null, null, null, null, null);
        }
    }

    private XrdpChangeResult dryRun(XrdpRenewalRequest request) throws IOException {
        XrdpHostFacts facts = inspector.inspect(request.iniPath(), null);
        List<String> pending = runner.pendingRecovery();
        String recoveryNote = pending.isEmpty() ? "" : " An earlier run was interrupted; a real run first undoes: "
                + String.join("; ", pending) + ".";
        String refusal = refusal(facts);
        if (refusal != null) {
            return new XrdpChangeResult(XrdpChangeResult.Status.REFUSED, refusal + recoveryNote, List.of(), null, null,
                    facts.certificate(), facts.certificate(), null);
        }
        Optional<String> reason = reason(facts, request, clock);
        if (reason.isEmpty()) {
            return new XrdpChangeResult(XrdpChangeResult.Status.NOTHING_TO_DO, nothingToDo(facts, request) + recoveryNote,
                    List.of(), null, null, facts.certificate(), facts.certificate(), null);
        }
        List<String> plan = new ArrayList<>();
        plan.add("take the host lock " + runner.stateDir().resolve("host.lock")
                + " and undo any interrupted earlier run");
        String source = request.certificate() instanceof NewCertificate.Provided provided
                ? "install the given certificate from " + provided.origin()
                : "mint a self-signed certificate (" + selfSignedSpec(facts, (NewCertificate.SelfSigned) request.certificate())
                        .keyDescription() + ", SHA-256, names " + names(facts, (NewCertificate.SelfSigned) request.certificate())
                        + ", " + ((NewCertificate.SelfSigned) request.certificate()).validityDays() + " days)";
        plan.add(source);
        plan.add("back up " + facts.certificateFile().describe() + " and " + facts.keyFile().describe() + " to "
                + runner.stateDir().resolve("backups"));
        plan.add("write the certificate to " + facts.config().certificate() + " (" + certificateOwnership(facts) + ")");
        plan.add("write the key to " + facts.config().keyFile() + " (" + keyOwnership(facts) + ")");
        plan.add("verify locally: both files parse, match, and " + facts.identity().user() + " can read them");
        String noWire = XrdpVerifier.wireUnavailable(facts);
        plan.add(noWire == null ? "verify from the wire: " + facts.config().listen().localClientHost() + ":"
                + facts.config().listen().port() + " serves the new thumbprint over TLS (restart xrdp only if it "
                + "still serves the old one)" : "no wire verification: " + noWire);
        plan.add("on any failure: restore the backups");
        return new XrdpChangeResult(XrdpChangeResult.Status.PLANNED, reason.get() + recoveryNote, plan, null, null,
                facts.certificate(), facts.certificate(), null);
    }

    /** Why the change must not start, or null. */
    static String refusal(XrdpHostFacts facts) {
        if (facts.iniProblem() != null) {
            return "cannot read xrdp.ini: " + facts.iniProblem();
        }
        if (facts.parse() instanceof XrdpIniParse.Invalid invalid) {
            return facts.iniPath() + " is invalid (" + invalid.describe() + "); fix it first";
        }
        for (Path path : List.of(facts.config().certificate(), facts.config().keyFile())) {
            Path parent = path.toAbsolutePath().getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                return "directory " + parent + " for " + path + " does not exist";
            }
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isSymbolicLink(path)) {
                return path + " is neither a file nor a link; refusing to replace it";
            }
        }
        return null;
    }

    /**
     * Why the pair must be renewed, or empty when it need not be (pure over the facts).
     */
    static Optional<String> reason(XrdpHostFacts facts, XrdpRenewalRequest request, Clock clock) {
        CertificateInfo certificate = facts.certificate();
        if (!facts.certificateFile().exists()) {
            return Optional.of("the certificate file " + facts.config().certificate() + " is missing");
        }
        if (!facts.keyFile().exists()) {
            return Optional.of("the key file " + facts.config().keyFile() + " is missing");
        }
        if (certificate == null) {
            return Optional.of("the certificate is unreadable: " + facts.certificateProblem());
        }
        if (facts.keyDescription() == null) {
            return Optional.of("the key is unreadable: " + facts.keyProblem());
        }
        if (Boolean.FALSE.equals(facts.pairMatches())) {
            return Optional.of("the key does not belong to the certificate");
        }
        if (certificate.notAfter().isBefore(clock.instant())) {
            return Optional.of("the certificate expired on " + certificate.notAfter());
        }
        long daysLeft = certificate.daysLeft(clock.instant());
        if (daysLeft < request.renewWithinDays()) {
            return Optional.of("the certificate expires in " + daysLeft + " days (" + certificate.notAfter()
                    + "), within --renew-within " + request.renewWithinDays());
        }
        if (request.certificate() instanceof NewCertificate.Provided provided) {
            String given = thumbprint(provided.material());
            if (!given.equals(certificate.sha256())) {
                return Optional.of("install the given certificate " + given + " in place of " + certificate.sha256());
            }
        }
        if (request.force()) {
            return Optional.of("--force");
        }
        return Optional.empty();
    }

    private static String nothingToDo(XrdpHostFacts facts, XrdpRenewalRequest request) {
        CertificateInfo certificate = facts.certificate();
        StringBuilder text = new StringBuilder("nothing to do: the certificate " + certificate.sha256()
                + " is valid until " + certificate.notAfter() + " (more than " + request.renewWithinDays()
                + " days) and matches its key");
        if (request.certificate() instanceof NewCertificate.Provided) {
            text.append("; the given certificate is already installed");
        }
        if (!facts.keyFile().readable() || !facts.certificateFile().readable()) {
            text.append(". But xrdp's user cannot read the files: run rdphealth repair-key-permissions --xrdp");
        }
        return text.toString();
    }

    private KeyMaterial material(XrdpHostFacts facts, XrdpRenewalRequest request) throws GeneralSecurityException {
        if (request.certificate() instanceof NewCertificate.Provided provided) {
            return provided.material();
        }
        NewCertificate.SelfSigned selfSigned = (NewCertificate.SelfSigned) request.certificate();
        return new CertificateMinter(clock).selfSigned(selfSignedSpec(facts, selfSigned));
    }

    private static SelfSignedSpec selfSignedSpec(XrdpHostFacts facts, NewCertificate.SelfSigned selfSigned) {
        return new SelfSignedSpec(selfSigned.keyType(), selfSigned.keySize(), names(facts, selfSigned),
                Duration.ofDays(selfSigned.validityDays()));
    }

    /** The names asked for, else the host name plus the current certificate's SANs (names stay the same). */
    static List<String> names(XrdpHostFacts facts, NewCertificate.SelfSigned selfSigned) {
        if (!selfSigned.names().isEmpty()) {
            return selfSigned.names();
        }
        Set<String> names = new LinkedHashSet<>();
        String target = facts.target();
        int colon = target.lastIndexOf(':');
        names.add(colon > 0 ? target.substring(0, colon) : target);
        if (facts.certificate() != null) {
            names.addAll(facts.certificate().subjectAltNames());
        }
        return List.copyOf(names);
    }

    private ChangePlan plan(XrdpHostFacts facts, XrdpRenewalRequest request, KeyMaterial material, CertificateInfo next,
                            String[] verification) throws GeneralSecurityException {
        XrdpConfig config = facts.config();
        String oldSha = facts.certificate() == null ? null : facts.certificate().sha256();
        List<Step> steps = new ArrayList<>();
        steps.add(new WriteFileStep(config.certificate(), material.certificatePem().getBytes(StandardCharsets.US_ASCII),
                certificateOwnership(facts), "the certificate " + next.sha256(), "certificate.pem"));
        steps.add(new WriteFileStep(config.keyFile(), material.privateKeyPem().getBytes(StandardCharsets.US_ASCII),
                keyOwnership(facts), "the private key", "key.pem"));
        steps.add(new CheckStep("verify locally: the files parse, match and " + facts.identity().user() + " can read them",
                () -> verifier.checkLocally(request.iniPath(), next.sha256())));
        String noWire = XrdpVerifier.wireUnavailable(facts);
        if (noWire == null) {
            String host = config.listen().localClientHost();
            int port = config.listen().port();
            steps.add(new CheckStep("verify from the wire: " + host + ":" + port + " serves " + next.sha256(),
                    () -> verification[0] = verifier.checkWire(host, port, next.sha256(), oldSha)));
        } else {
            verification[0] = "verified locally only: " + noWire;
        }
        return new ChangePlan("renew-cert", steps);
    }

    /** The certificate keeps the ownership of a regular file it replaces, else root:root 0644. */
    static FileOwnership certificateOwnership(XrdpHostFacts facts) {
        FileFacts file = facts.certificateFile();
        if (file.exists() && !file.isSymlink() && file.ownership() != null) {
            return file.ownership().withMode((file.ownership().mode() & 0644) | 0444);
        }
        return new FileOwnership(0, 0, 0644);
    }

    /**
     * The key keeps the ownership of a regular file xrdp could read; otherwise it becomes
     * root:(xrdp's group) 0640, or root:root 0600 when xrdp runs as root. Never world-readable.
     */
    static FileOwnership keyOwnership(XrdpHostFacts facts) {
        FileFacts file = facts.keyFile();
        if (file.exists() && !file.isSymlink() && file.readable() && file.ownership() != null) {
            return file.ownership().withMode(file.ownership().mode() & 0640);
        }
        RuntimeIdentity identity = facts.identity();
        return identity.isRoot() ? new FileOwnership(0, 0, 0600) : new FileOwnership(0, identity.gid(), 0640);
    }

    static CertificateInfo describe(KeyMaterial material) throws GeneralSecurityException {
        try {
            return new CertificateDecoder().describe(material.leaf());
        } catch (CertificateException e) {
            throw new GeneralSecurityException("the new certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    private static String thumbprint(KeyMaterial material) {
        try {
            return CertificateDecoder.thumbprint("SHA-256", material.leaf().getEncoded());
        } catch (CertificateException e) {
            return "(unencodable)";
        }
    }
}
