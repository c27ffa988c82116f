package io.rdphealth.host;

import io.rdphealth.finding.Finding;
import io.rdphealth.host.xrdp.XrdpFindingRules;
import io.rdphealth.host.xrdp.XrdpInspector;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.report.TargetResult;
import java.nio.file.Path;
import java.util.List;

/** Host inspection of a Linux xrdp server through its xrdp.ini. */
public final class XrdpHostInspector implements HostInspector {
    private final Path ini;
    private final XrdpInspector inspector;

    public XrdpHostInspector(Path ini) {
        this(ini, new XrdpInspector());
    }

    public XrdpHostInspector(Path ini, XrdpInspector inspector) {
        this.ini = ini;
        this.inspector = inspector;
    }

    @Override
    public List<Finding> inspect(TargetResult probed, SeverityPolicy policy) {
        return XrdpFindingRules.findings(inspector.inspect(ini, probed.target().input()), policy);
    }
}
