package io.jenkins.plugins.rdphealth;

import hudson.model.Run;
import io.jenkins.plugins.util.AbstractXmlStream;
import io.jenkins.plugins.util.BuildAction;
import io.jenkins.plugins.util.JobAction;
import io.rdphealth.evidence.CertificateEvidence;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.policy.GateOutcome;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.TargetResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The results of one {@code rdpHealthCheck} call (one {@code id}) in one build. The build page
 * shows its summary, its URL shows the details; the results live in
 * {@code rdp-health-<id>.xml} in the build folder and are loaded on demand.
 */
public class RdpHealthBuildAction extends BuildAction<RdpHealthRun> {
    private static final long serialVersionUID = 1L;
    static final String URL_PREFIX = "rdp-health-";

    private final String id;
    private final String name;
    private final String outcome;
    private final int targetCount;

    RdpHealthBuildAction(Run<?, ?> owner, RdpHealthRun result) {
        // The base class would write the file from its constructor, before id is set; write it here instead.
        super(owner, result, false);
        this.id = result.getId();
        this.name = result.getName();
        this.outcome = result.getOutcome().name();
        this.targetCount = result.getReport().targets().size();
        createXmlStream().write(owner.getRootDir().toPath().resolve(getBuildResultBaseName()), result);
    }

    @Override
    protected AbstractXmlStream<RdpHealthRun> createXmlStream() {
        return new RdpHealthRunXmlStream();
    }

    @Override
    protected JobAction<? extends BuildAction<RdpHealthRun>> createProjectAction() {
        return new RdpHealthJobAction(getOwner().getParent(), id, name);
    }

    @Override
    protected String getBuildResultBaseName() {
        return URL_PREFIX + id + ".xml";
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public GateOutcome getOutcome() {
        return GateOutcome.valueOf(outcome);
    }

    public int getTargetCount() {
        return targetCount;
    }

    @Override
    public String getIconFileName() {
        return RdpHealthIcons.ICON;
    }

    @Override
    public String getDisplayName() {
        return name;
    }

    @Override
    public String getUrlName() {
        return URL_PREFIX + id;
    }

    /** Used by the views: the run's report. */
    public RunReport getReport() {
        return getResult().getReport();
    }

    /** Used by the views: the targets, worst first, so the summary shows what needs attention on top. */
    public List<TargetResult> getTargetsWorstFirst() {
        List<TargetResult> targets = new ArrayList<>(getReport().targets());
        targets.sort((a, b) -> b.state().compareTo(a.state()));
        return targets;
    }

    /** Used by the views: the certificate presented by each address of a target. */
    public List<CertificateEvidence> certificatesOf(TargetResult target) {
        List<CertificateEvidence> certificates = new ArrayList<>();
        for (WireEvidence address : target.addresses()) {
            if (address.certificate() != null) {
                certificates.add(address.certificate());
            }
        }
        return certificates;
    }

    /** Used by the views: the root cause of a target (its first ranked finding), or {@code null}. */
    public Finding rootCauseOf(TargetResult target) {
        return target.findings().isEmpty() ? null : target.findings().get(0);
    }
}
