package io.jenkins.plugins.rdphealth;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.rdphealth.target.InvalidTargetException;
import io.rdphealth.target.Target;
import io.rdphealth.target.TargetList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code rdpHealthCheck}: probes RDP targets from the agent of the enclosing {@code node}, logs a
 * summary, stores the results in the build, gates the build and returns the report as a map.
 *
 * <pre>
 * def r = rdpHealthCheck targets: 'rdp1.example.org, rdp2.example.org:3390', failOn: 'CRITICAL'
 * echo "healthy: ${r.healthy}, worst: ${r.worstSeverity}, first finding: ${r.targets[0].findings[0]?.id}"
 * </pre>
 *
 * Unset numeric and threshold parameters take the global defaults ({@link RdpHealthGlobalConfiguration}).
 */
public class RdpHealthCheckStep extends Step {
    static final String DEFAULT_ID = "rdp-health";
    static final String DEFAULT_NAME = "RDP Health";

    private String targets;
    private List<String> targetList = List.of();
    private int port = Target.DEFAULT_PORT;
    private String gateway;
    private Integer connectTimeoutSeconds;
    private Integer readTimeoutSeconds;
    private Integer targetDeadlineSeconds;
    private Integer parallelism;
    private Integer expiryWindowDays;
    private String failOn;
    private String unstableOn;
    private String id = DEFAULT_ID;
    private String name;
    private boolean inspectHost;

    @DataBoundConstructor
    public RdpHealthCheckStep() {
        // every parameter is optional except that targets or targetList must name at least one target
    }

    public String getTargets() {
        return targets;
    }

    /** Targets as one text: {@code host}, {@code host:port}, {@code [v6]:port}, separated by commas or spaces. */
    @DataBoundSetter
    public void setTargets(String targets) {
        this.targets = blankToNull(targets);
    }

    public List<String> getTargetList() {
        return targetList;
    }

    /** Targets as a list ({@code targetList: ['a', 'b:3390']}); combined with {@link #setTargets}. */
    @DataBoundSetter
    public void setTargetList(List<String> targetList) {
        this.targetList = targetList == null ? List.of() : List.copyOf(targetList);
    }

    public int getPort() {
        return port;
    }

    @DataBoundSetter
    public void setPort(int port) {
        if (!Target.isValidPort(port)) {
            throw new IllegalArgumentException(Target.portOutOfRange(port));
        }
        this.port = port;
    }

    public String getGateway() {
        return gateway;
    }

    @DataBoundSetter
    public void setGateway(String gateway) {
        this.gateway = blankToNull(gateway);
    }

    public Integer getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    @DataBoundSetter
    public void setConnectTimeoutSeconds(Integer connectTimeoutSeconds) {
        this.connectTimeoutSeconds = positiveOrNull("connectTimeoutSeconds", connectTimeoutSeconds);
    }

    public Integer getReadTimeoutSeconds() {
        return readTimeoutSeconds;
    }

    @DataBoundSetter
    public void setReadTimeoutSeconds(Integer readTimeoutSeconds) {
        this.readTimeoutSeconds = positiveOrNull("readTimeoutSeconds", readTimeoutSeconds);
    }

    public Integer getTargetDeadlineSeconds() {
        return targetDeadlineSeconds;
    }

    @DataBoundSetter
    public void setTargetDeadlineSeconds(Integer targetDeadlineSeconds) {
        this.targetDeadlineSeconds = positiveOrNull("targetDeadlineSeconds", targetDeadlineSeconds);
    }

    public Integer getParallelism() {
        return parallelism;
    }

    @DataBoundSetter
    public void setParallelism(Integer parallelism) {
        this.parallelism = positiveOrNull("parallelism", parallelism);
    }

    public Integer getExpiryWindowDays() {
        return expiryWindowDays;
    }

    @DataBoundSetter
    public void setExpiryWindowDays(Integer expiryWindowDays) {
        if (expiryWindowDays != null && expiryWindowDays < 0) {
            throw new IllegalArgumentException("expiryWindowDays must be >= 0, was " + expiryWindowDays);
        }
        this.expiryWindowDays = expiryWindowDays;
    }

    public String getFailOn() {
        return failOn;
    }

    /** Severity at which the build fails ({@code INFO} .. {@code CRITICAL}, or {@code NONE}). */
    @DataBoundSetter
    public void setFailOn(String failOn) {
        this.failOn = blankToNull(failOn);
    }

    public String getUnstableOn() {
        return unstableOn;
    }

    /** Severity at which the build becomes UNSTABLE ({@code INFO} .. {@code CRITICAL}, or {@code NONE}). */
    @DataBoundSetter
    public void setUnstableOn(String unstableOn) {
        this.unstableOn = blankToNull(unstableOn);
    }

    public String getId() {
        return id;
    }

    /** Keeps several calls in one build apart: each id has its own results page and trend. */
    @DataBoundSetter
    public void setId(String id) {
        this.id = Settings.id(id);
    }

    public String getName() {
        return name;
    }

    /** The title of the results page; defaults to "RDP Health" (with the id when it is not the default). */
    @DataBoundSetter
    public void setName(String name) {
        this.name = blankToNull(name);
    }

    public boolean isInspectHost() {
        return inspectHost;
    }

    /** Also inspect the host the agent runs on (Windows RDP or xrdp settings, certificate, key access). */
    @DataBoundSetter
    public void setInspectHost(boolean inspectHost) {
        this.inspectHost = inspectHost;
    }

    /** The title used for the results. */
    String displayName() {
        if (name != null) {
            return name;
        }
        return DEFAULT_ID.equals(id) ? DEFAULT_NAME : DEFAULT_NAME + " (" + id + ")";
    }

    /** All target texts of both parameters, in order. */
    List<String> allTargets() {
        List<String> all = new ArrayList<>();
        if (targets != null) {
            all.add(targets);
        }
        all.addAll(targetList);
        return all;
    }

    /** The request for the agent: this step's values, the global defaults where it has none. */
    ProbeRequest toRequest(RdpHealthGlobalConfiguration defaults) {
        TargetList.parse(allTargets(), port); // fail on the controller, before going to the agent
        if (gateway != null) {
            Target.parse(gateway, ProbeCallable.GATEWAY_DEFAULT_PORT);
        }
        return new ProbeRequest(allTargets(), port, gateway,
                1000L * Settings.pick(connectTimeoutSeconds, defaults.getConnectTimeoutSeconds()),
                1000L * Settings.pick(readTimeoutSeconds, defaults.getReadTimeoutSeconds()),
                1000L * Settings.pick(targetDeadlineSeconds, defaults.getTargetDeadlineSeconds()),
                Settings.pick(parallelism, defaults.getParallelism()),
                Settings.pick(expiryWindowDays, defaults.getExpiryWindowDays()),
                inspectHost);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new RdpHealthCheckExecution(context, this);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Integer positiveOrNull(String name, Integer value) {
        return value == null ? null : Settings.positive(name, value);
    }

    @Extension
    @Symbol("rdpHealthCheck")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "rdpHealthCheck";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Check the health of RDP servers from the agent";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            // Launcher is checked by the execution, so that a call outside node says what to do.
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }

        public ListBoxModel doFillFailOnItems() {
            return severityItems();
        }

        public ListBoxModel doFillUnstableOnItems() {
            return severityItems();
        }

        static ListBoxModel severityItems() {
            ListBoxModel items = new ListBoxModel();
            items.add("(global default)", "");
            for (io.rdphealth.finding.Severity severity : io.rdphealth.finding.Severity.values()) {
                items.add(severity.name());
            }
            items.add("NONE (never)", io.rdphealth.policy.Gate.NEVER);
            return items;
        }

        @POST
        public FormValidation doCheckTargets(@QueryParameter String value, @QueryParameter int port) {
            if (value == null || value.isBlank()) {
                return FormValidation.warning("Name at least one target here or in targetList");
            }
            try {
                int count = TargetList.parse(value, Target.isValidPort(port) ? port : Target.DEFAULT_PORT).size();
                return FormValidation.ok(count + " target(s)");
            } catch (InvalidTargetException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckGateway(@QueryParameter String value) {
            if (value == null || value.isBlank()) {
                return FormValidation.ok();
            }
            try {
                Target.parse(value, ProbeCallable.GATEWAY_DEFAULT_PORT);
                return FormValidation.ok();
            } catch (InvalidTargetException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckId(@QueryParameter String value) {
            try {
                Settings.id(value);
                return FormValidation.ok();
            } catch (IllegalArgumentException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckFailOn(@QueryParameter String value, @QueryParameter String unstableOn) {
            return Settings.checkThresholds(value, unstableOn);
        }

        @POST
        public FormValidation doCheckUnstableOn(@QueryParameter String value, @QueryParameter String failOn) {
            return Settings.checkThresholds(failOn, value);
        }

        @POST
        public FormValidation doCheckParallelism(@QueryParameter String value) {
            return Settings.checkPositive("parallelism", value);
        }

        @POST
        public FormValidation doCheckConnectTimeoutSeconds(@QueryParameter String value) {
            return Settings.checkPositive("connectTimeoutSeconds", value);
        }

        @POST
        public FormValidation doCheckReadTimeoutSeconds(@QueryParameter String value) {
            return Settings.checkPositive("readTimeoutSeconds", value);
        }

        @POST
        public FormValidation doCheckTargetDeadlineSeconds(@QueryParameter String value) {
            return Settings.checkPositive("targetDeadlineSeconds", value);
        }
    }
}
