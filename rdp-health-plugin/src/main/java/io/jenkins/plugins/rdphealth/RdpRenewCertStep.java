package io.jenkins.plugins.rdphealth;

import com.cloudbees.plugins.credentials.common.StandardCertificateCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.rdphealth.cert.RenewalWindow;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.target.Target;
import java.util.Locale;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code rdpRenewCert}: renews or installs the RDP listener certificate of the host the enclosing
 * {@code node} runs on, using the library's renewal (backed up, verified, rolled back on failure).
 *
 * <pre>
 * node('rdp-host') { rdpRenewCert renewWithinDays: 30 }
 * node('win-rdp')  { rdpRenewCert platform: 'windows', credentialsId: 'rdp-ca-cert' }
 * </pre>
 */
public class RdpRenewCertStep extends Step {
    static final String[] PLATFORMS = {"auto", "windows", "xrdp"};

    private int port = Target.DEFAULT_PORT;
    private int renewWithinDays = SeverityPolicy.DEFAULT_EXPIRY_WINDOW_DAYS;
    private boolean force;
    private boolean dryRun;
    private String platform = "auto";
    private String credentialsId;
    private String xrdpConfig;

    @DataBoundConstructor
    public RdpRenewCertStep() {
        // all parameters are optional
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

    public int getRenewWithinDays() {
        return renewWithinDays;
    }

    @DataBoundSetter
    public void setRenewWithinDays(int renewWithinDays) {
        RenewalWindow.requireDays(renewWithinDays, "renewWithinDays");
        this.renewWithinDays = renewWithinDays;
    }

    public boolean isForce() {
        return force;
    }

    @DataBoundSetter
    public void setForce(boolean force) {
        this.force = force;
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public String getPlatform() {
        return platform;
    }

    @DataBoundSetter
    public void setPlatform(String platform) {
        String value = platform == null || platform.isBlank() ? "auto" : platform.strip().toLowerCase(Locale.ROOT);
        if (!Set.of(PLATFORMS).contains(value)) {
            throw new IllegalArgumentException("platform '" + platform + "' is not one of auto, windows, xrdp");
        }
        this.platform = value;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** A certificate credential (PKCS#12 with key) to install instead of a self-signed renewal. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = credentialsId == null || credentialsId.isBlank() ? null : credentialsId.strip();
    }

    public String getXrdpConfig() {
        return xrdpConfig;
    }

    /**
     * xrdp.ini on the agent (default {@code /etc/xrdp/xrdp.ini}); its listener port must equal {@link #getPort()},
     * otherwise the library refuses, so a wrong guess never renews another server's certificate.
     */
    @DataBoundSetter
    public void setXrdpConfig(String xrdpConfig) {
        this.xrdpConfig = xrdpConfig == null || xrdpConfig.isBlank() ? null : xrdpConfig.strip();
    }

    RenewRequest toRequest() {
        return new RenewRequest(platform, port, renewWithinDays, force, dryRun, xrdpConfig);
    }

    @Override
    public StepExecution start(StepContext context) {
        return new RdpRenewCertExecution(context, this);
    }

    @Extension
    @Symbol("rdpRenewCert")
    public static class DescriptorImpl extends StepDescriptor {
        @Override
        public String getFunctionName() {
            return "rdpRenewCert";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Renew or install the RDP listener certificate of the agent's host";
        }

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FlowNode.class);
        }

        public ListBoxModel doFillPlatformItems() {
            ListBoxModel items = new ListBoxModel();
            for (String value : PLATFORMS) {
                items.add(value);
            }
            return items;
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            StandardListBoxModel result = new StandardListBoxModel();
            if (item == null ? !Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                    : !item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(
                            com.cloudbees.plugins.credentials.CredentialsProvider.USE_ITEM)) {
                return result.includeCurrentValue(hudson.Util.fixNull(credentialsId));
            }
            return result.includeEmptyValue()
                    .includeAs(ACL.SYSTEM2, item, StandardCertificateCredentials.class)
                    .includeCurrentValue(hudson.Util.fixNull(credentialsId));
        }

        @POST
        public FormValidation doCheckRenewWithinDays(@QueryParameter String value) {
            try {
                if (Integer.parseInt(value.strip()) < 0) {
                    return FormValidation.error("renewWithinDays must be >= 0");
                }
                return FormValidation.ok();
            } catch (NumberFormatException e) {
                return FormValidation.error("renewWithinDays must be a whole number, was '" + value + "'");
            }
        }
    }
}
