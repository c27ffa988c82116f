package io.rdphealth.host.xrdp;

import io.rdphealth.fix.ChangeOutcome;
import io.rdphealth.fix.ChangePlan;
import io.rdphealth.fix.ChangeRunner;
import io.rdphealth.fix.ChangeSession;
import io.rdphealth.fix.FileOwnership;
import io.rdphealth.fix.RecoveryReport;
import io.rdphealth.fix.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code repair-key-permissions --xrdp}: makes the key (and certificate) readable by xrdp's
 * runtime user without touching anything shared:
 * <ul>
 *   <li>a regular file at the configured path gets group = xrdp's group and mode 0640 (owner kept);</li>
 *   <li>a symbolic link (Debian's link to the ssl-cert snakeoil key in {@code /etc/ssl/private})
 *       is replaced by a private copy, root:(xrdp's group) 0640; the shared target is not changed
 *       and no group membership changes, so xrdp needs no restart.</li>
 * </ul>
 * A directory above a regular file that xrdp cannot enter is not changed automatically (that
 * would widen access for everything in it): the run refuses and says what to do.
 */
public final class XrdpKeyPermissionRepair {
    private final XrdpInspector inspector;
    private final ChangeRunner runner;
    private final XrdpVerifier verifier;

    public XrdpKeyPermissionRepair(XrdpInspector inspector, ChangeRunner runner, ServedCertificateSource wire) {
        this.inspector = inspector;
        this.runner = runner;
        this.verifier = new XrdpVerifier(inspector, wire, Optional.empty());
    }

    public XrdpChangeResult repair(Path iniPath, boolean dryRun) throws IOException {
        if (dryRun) {
            XrdpHostFacts facts = inspector.inspect(iniPath, null);
            Decision decision = decide(facts);
            if (decision.plan == null) {
                return new XrdpChangeResult(decision.status, decision.reason, List.of(), null, null,
                        facts.certificate(), facts.certificate(), null);
            }
            List<String> plan = new ArrayList<>();
            plan.add("take the host lock " + runner.stateDir().resolve("host.lock") + " and undo any interrupted earlier run");
            plan.addAll(decision.plan.describe());
            plan.add("on any failure: restore the backups");
            return new XrdpChangeResult(XrdpChangeResult.Status.PLANNED, decision.reason, plan, null, null,
                    facts.certificate(), facts.certificate(), null);
        }
        try (ChangeSession session = runner.open()) {
            XrdpHostFacts facts = inspector.inspect(iniPath, null);
            RecoveryReport recovery = session.recovery();
            Decision decision = decide(facts);
            if (decision.plan == null) {
                return new XrdpChangeResult(decision.status, decision.reason, List.of(), recovery, null,
                        facts.certificate(), facts.certificate(), null);
            }
            ChangeOutcome outcome = session.apply(decision.plan);
            XrdpHostFacts after = inspector.inspect(iniPath, null);
            XrdpChangeResult.Status status = outcome instanceof ChangeOutcome.Completed
                    ? XrdpChangeResult.Status.APPLIED : XrdpChangeResult.Status.ROLLED_BACK;
            return new XrdpChangeResult(status, decision.reason, decision.plan.describe(), recovery, outcome,
                    facts.certificate(), after.certificate(),
                    status == XrdpChangeResult.Status.APPLIED ? decision.verification[0] : null);
        }
    }

    private record Decision(XrdpChangeResult.Status status, String reason, ChangePlan plan, String[] verification) {
    }

    private Decision decide(XrdpHostFacts facts) throws IOException {
        String refusal = XrdpCertificateRenewal.refusal(facts);
        if (refusal != null) {
            return new Decision(XrdpChangeResult.Status.REFUSED, refusal, null, null);
        }
        if (!facts.keyFile().exists() || !facts.certificateFile().exists()) {
            return new Decision(XrdpChangeResult.Status.REFUSED, "the certificate or key file is missing ("
                    + facts.certificateFile().describe() + ", " + facts.keyFile().describe()
                    + "): run rdphealth renew-cert --xrdp", null, null);
        }
        if (facts.keyFile().readable() && facts.certificateFile().readable()) {
            return new Decision(XrdpChangeResult.Status.NOTHING_TO_DO, "nothing to do: " + facts.identity().user()
                    + " can read " + facts.certificateFile().describe() + " and " + facts.keyFile().describe(), null, null);
        }
        List<Step> steps = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (FileFacts file : List.of(facts.certificateFile(), facts.keyFile())) {
            if (file.readable()) {
                continue;
            }
            reasons.add(file.denial());
            boolean isKey = file == facts.keyFile();
            FileOwnership ownership;
            if (file.isSymlink()) {
                ownership = facts.identity().isRoot() ? new FileOwnership(0, 0, 0600)
                        : new FileOwnership(0, facts.identity().gid(), isKey ? 0640 : 0644);
            } else {
                if (file.denial() != null && file.denial().contains("cannot enter directory")) {
                    return new Decision(XrdpChangeResult.Status.REFUSED, file.denial() + ": not changed automatically "
                            + "(it would open the directory to more than xrdp). Move the file to a directory xrdp can "
                            + "enter, or give the directory's group to " + facts.identity().user(), null, null);
                }
                FileOwnership old = file.ownership();
                ownership = new FileOwnership(old.uid(), facts.identity().gid(), isKey ? 0640 : 0644);
            }
            byte[] content = Files.readAllBytes(file.resolved());
            steps.add(new WriteFileStep(file.configured(), content, ownership,
                    (file.isSymlink() ? "a private copy of " + file.resolved() : "the same content with new permissions"),
                    isKey ? "key.pem" : "certificate.pem"));
        }
        steps.add(new CheckStep("verify locally: " + facts.identity().user() + " can read both files and they match",
                () -> verifier.checkLocally(facts.iniPath(), null)));
        String[] verification = new String[1];
        String noWire = XrdpVerifier.wireUnavailable(facts);
        XrdpConfig config = facts.config();
        if (noWire == null && facts.certificate() != null) {
            String host = config.listen().localClientHost();
            int port = config.listen().port();
            String expected = facts.certificate().sha256();
            steps.add(new CheckStep("verify from the wire: " + host + ":" + port + " serves " + expected + " over TLS",
                    () -> verification[0] = verifier.checkWire(host, port, expected, null)));
        } else {
            verification[0] = "verified locally only: " + (noWire == null ? "the certificate is unreadable" : noWire);
        }
        return new Decision(XrdpChangeResult.Status.PLANNED, String.join("; ", reasons),
                new ChangePlan("repair-key-permissions", steps), verification);
    }
}
