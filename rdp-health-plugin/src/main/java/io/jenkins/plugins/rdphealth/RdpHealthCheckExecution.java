package io.jenkins.plugins.rdphealth;

import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.rdphealth.policy.Gate;
import io.rdphealth.policy.GateResult;
import io.rdphealth.report.HealthState;
import io.rdphealth.report.ReportJson;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.console.ConsoleReport;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code rdpHealthCheck}: the probe on the agent (like http-request's execution), the gate on
 * the controller, the result stored in the build and marked on the flow node the way the junit step
 * does.
 */
final class RdpHealthCheckExecution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
    private static final long serialVersionUID = 1L;
    static final String STEP = "rdpHealthCheck";

    private final transient RdpHealthCheckStep step;

    RdpHealthCheckExecution(StepContext context, RdpHealthCheckStep step) {
        super(context);
        this.step = step;
    }

    @Override
    protected Map<String, Object> run() throws Exception {
        Run<?, ?> run = Objects.requireNonNull(getContext().get(Run.class));
        TaskListener listener = Objects.requireNonNull(getContext().get(TaskListener.class));
        FlowNode node = Objects.requireNonNull(getContext().get(FlowNode.class));
        PrintStream logger = listener.getLogger();

        RdpHealthGlobalConfiguration defaults = RdpHealthGlobalConfiguration.get();
        Gate gate;
        ProbeRequest request;
        try {
            gate = Gate.parse(Settings.pick(step.getFailOn(), defaults.getFailOn()),
                    Settings.pick(step.getUnstableOn(), defaults.getUnstableOn()));
            request = step.toRequest(defaults);
        } catch (IllegalArgumentException e) {
            throw new AbortException(STEP + ": " + e.getMessage());
        }
        VirtualChannel channel = AgentChannel.of(getContext(), STEP);

        logger.printf("[rdp-health] checking %s from this agent (id '%s')%n", String.join(", ", request.targets()), step.getId());
        String json;
        try {
            json = channel.call(new ProbeCallable(request, listener));
        } catch (IllegalArgumentException e) {
            throw new AbortException(STEP + ": " + e.getMessage());
        }
        RunReport report = new ReportJson().read(json);
        // The same text as the CLI prints (no colours: the build log is not a terminal).
        logger.print(new ConsoleReport(false).render(report));

        GateResult verdict = gate.evaluate(report);
        RdpHealthRun stored = new RdpHealthRun(step.getId(), step.displayName(), json, verdict.outcome(), verdict.reason());
        attach(run, new RdpHealthBuildAction(run, stored), logger);

        logger.println("[rdp-health] " + verdict.outcome() + ": " + verdict.reason());
        switch (verdict.outcome()) {
            case FAIL -> {
                node.addOrReplaceAction(new WarningAction(Result.FAILURE).withMessage(verdict.reason()));
                throw new AbortException(STEP + " failed the build: " + verdict.reason());
            }
            case UNSTABLE -> {
                node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(verdict.reason()));
                run.setResult(Result.UNSTABLE);
            }
            case PASS -> {
                // nothing to mark
            }
        }
        return result(report, verdict);
    }

    /** Replaces an earlier result of the same id in this build; results of other ids stay. */
    private void attach(Run<?, ?> run, RdpHealthBuildAction action, PrintStream logger) {
        for (RdpHealthBuildAction existing : run.getActions(RdpHealthBuildAction.class)) {
            if (existing.getId().equals(action.getId())) {
                logger.println("[rdp-health] replacing the results of an earlier call with id '" + action.getId()
                        + "' in this build (give each call its own id to keep both)");
                run.removeAction(existing);
            }
        }
        run.addAction(action);
    }

    /**
     * What the script gets: the report's documented JSON form as maps and lists (serialisable, and
     * readable in the sandbox as {@code r.targets[0].findings[0].id}), plus the step's verdict.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> result(RunReport report, GateResult verdict) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", step.getId());
        result.put("name", step.displayName());
        result.put("healthy", report.state() == HealthState.HEALTHY);
        result.put("gate", verdict.outcome().name());
        result.put("gateReason", verdict.reason());
        result.putAll(new ReportJson().mapper().convertValue(report, LinkedHashMap.class));
        return result;
    }
}
