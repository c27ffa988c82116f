package io.jenkins.plugins.rdphealth;

import hudson.model.TaskListener;
import io.rdphealth.check.RdpHealthCheck;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.probe.ProbeOptions;
import io.rdphealth.report.ReportJson;
import io.rdphealth.report.RunReport;
import io.rdphealth.target.Target;
import io.rdphealth.target.TargetList;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import jenkins.security.MasterToSlaveCallable;

/**
 * Runs the library's health check on the agent. The report travels back as the library's JSON
 * (the records are not {@code Serializable}, and the JSON is the documented, versioned form).
 */
final class ProbeCallable extends MasterToSlaveCallable<String, RuntimeException> {
    private static final long serialVersionUID = 1L;
    static final int GATEWAY_DEFAULT_PORT = 443;

    private final ProbeRequest request;
    private final TaskListener listener;

    ProbeCallable(ProbeRequest request, TaskListener listener) {
        this.request = request;
        this.listener = listener;
    }

    @Override
    public String call() {
        List<Target> targets = TargetList.parse(request.targets(), request.port());
        ProbeOptions options = ProbeOptions.defaults()
                .withConnectTimeout(Duration.ofMillis(request.connectTimeoutMillis()))
                .withReadTimeout(Duration.ofMillis(request.readTimeoutMillis()))
                .withTargetDeadline(Duration.ofMillis(request.targetDeadlineMillis()))
                .withParallelism(request.parallelism());
        if (request.gateway() != null) {
            options = options.withGateway(Target.parse(request.gateway(), GATEWAY_DEFAULT_PORT));
        }
        SeverityPolicy policy = SeverityPolicy.defaults().withExpiryWindowDays(request.expiryWindowDays());
        RdpHealthCheck check = new RdpHealthCheck(options, policy);
        if (request.inspectHost()) {
            check = check.withLocalHostInspection();
        }
        PrintStream logger = listener.getLogger();
        RunReport report = check.run(targets, (done, total, result) ->
                logger.printf("[rdp-health] %d/%d %s: %s%n", done, total, result.target().input(), result.state()));
        return new ReportJson().write(report);
    }
}
