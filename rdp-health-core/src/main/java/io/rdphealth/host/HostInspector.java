package io.rdphealth.host;

import io.rdphealth.finding.Finding;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.report.TargetResult;
import java.util.List;

/**
 * Reads the RDP server's host (registry, certificate store and ACLs on Windows; xrdp.ini, files
 * and permissions on Linux) and returns findings about it, labelled with the probed target so the
 * diagnosis can link host causes to the symptoms the wire showed.
 */
@FunctionalInterface
public interface HostInspector {
    List<Finding> inspect(TargetResult probed, SeverityPolicy policy);
}
