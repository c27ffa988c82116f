package io.jenkins.plugins.rdphealth;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCertificateCredentials;
import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.rdphealth.renew.RenewalAction;
import io.rdphealth.renew.RenewalResult;
import io.rdphealth.report.ReportJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.util.Objects;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * Runs {@code rdpRenewCert} on the agent, records the certificate before and after in the build
 * and fails the build when the library had to roll the change back.
 */
final class RdpRenewCertExecution extends SynchronousNonBlockingStepExecution<String> {
    private static final long serialVersionUID = 1L;
    static final String STEP = "rdpRenewCert";

    private final transient RdpRenewCertStep step;

    RdpRenewCertExecution(StepContext context, RdpRenewCertStep step) {
        super(context);
        this.step = step;
    }

    /**
     * Returns what was done: {@code NOT_NEEDED}, {@code PLANNED}, {@code RENEWED} or {@code INSTALLED}; fails the
     * step when the library refused ({@code REFUSED}: nothing changed) or rolled the change back.
     */
    @Override
    protected String run() throws Exception {
        Run<?, ?> run = Objects.requireNonNull(getContext().get(Run.class));
        TaskListener listener = Objects.requireNonNull(getContext().get(TaskListener.class));
        FlowNode node = Objects.requireNonNull(getContext().get(FlowNode.class));
        PrintStream logger = listener.getLogger();
        VirtualChannel channel = AgentChannel.of(getContext(), STEP);

        SuppliedCertificate supplied = step.getCredentialsId() == null ? null : readCredential(run, step.getCredentialsId());
        logger.printf("[rdp-health] %s on this agent: platform %s, port %d, renew within %d day(s)%s%s%s%n", STEP,
                step.getPlatform(), step.getPort(), step.getRenewWithinDays(), step.isForce() ? ", forced" : "",
                step.isDryRun() ? ", dry run" : "", supplied == null ? "" : ", installing " + supplied);
        String json = channel.call(new RenewCallable(step.toRequest(), supplied, listener));
        RenewalResult result = new ReportJson().mapper().readValue(json, RenewalResult.class);

        RdpRenewalAction action = new RdpRenewalAction(json);
        run.addAction(action);
        for (String line : action.describe()) {
            logger.println("[rdp-health] " + line);
        }
        if (result.action() == RenewalAction.REFUSED) {
            String reason = "refused, nothing changed: " + result.reason();
            node.addOrReplaceAction(new WarningAction(Result.FAILURE).withMessage(reason));
            throw new AbortException(STEP + ": " + reason);
        }
        if (result.rolledBack()) {
            String reason = "the renewal was rolled back" + (result.rollbackComplete() ? "" : " INCOMPLETELY")
                    + ": " + result.rollbackReason();
            node.addOrReplaceAction(new WarningAction(Result.FAILURE).withMessage(reason));
            throw new AbortException(STEP + ": " + reason);
        }
        return result.action().name();
    }

    /**
     * The certificate credential as PKCS#12 bytes and password, checked against the run's
     * permissions by the credentials plugin and recorded as used by this build.
     */
    private static SuppliedCertificate readCredential(Run<?, ?> run, String id) throws AbortException {
        StandardCertificateCredentials credential =
                CredentialsProvider.findCredentialById(id, StandardCertificateCredentials.class, run);
        if (credential == null) {
            throw new AbortException(STEP + ": no certificate credential with id '" + id
                    + "' is visible to this build (it must be a 'Certificate' credential)");
        }
        CredentialsProvider.track(run, credential);
        char[] password = credential.getPassword().getPlainText().toCharArray();
        try {
            ByteArrayOutputStream pkcs12 = new ByteArrayOutputStream();
            credential.getKeyStore().store(pkcs12, password);
            return new SuppliedCertificate(id, pkcs12.toByteArray(), password);
        } catch (GeneralSecurityException | java.io.IOException e) {
            // The exception text of a key store does not contain key material; the password is not in it.
            throw new AbortException(STEP + ": cannot read the key store of credential '" + id + "': " + e.getMessage());
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }
}
