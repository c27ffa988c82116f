package io.jenkins.plugins.rdphealth;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.slaves.DumbSlave;
import io.rdphealth.renew.RenewalAction;
import io.rdphealth.testing.CertificateSpec;
import io.rdphealth.testing.TestPki;
import io.rdphealth.testing.XrdpServer;
import java.time.Instant;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code rdpRenewCert} on a real agent renews the expired certificate of a real xrdp (the core's
 * fixture, on a free loopback port, running as root like this test), then a probe sees the new one.
 */
@WithJenkins
class RdpRenewCertStepITest {
    @Test
    void renewsAnExpiredXrdpCertificateOnTheAgent(JenkinsRule j) throws Exception {
        try (XrdpServer xrdp = XrdpServer.builder()
                .securityLayer(XrdpServer.SecurityLayer.TLS)
                .certificate(TestPki.selfSigned(CertificateSpec.expired()))
                .start()) {
            DumbSlave agent = j.createOnlineSlave();
            agent.setLabelString("xrdp-host");
            WorkflowJob job = j.createProject(WorkflowJob.class, "renew");
            job.setDefinition(new CpsFlowDefinition(String.join("\n",
                    "node('xrdp-host') {",
                    "  def done = rdpRenewCert platform: 'xrdp', port: " + xrdp.port() + ", xrdpConfig: '" + xrdp.iniFile() + "'",
                    "  echo \"renewal: ${done}\"",
                    "  def r = rdpHealthCheck targets: '127.0.0.1:" + xrdp.port() + "', failOn: 'NONE', unstableOn: 'NONE'",
                    "  echo \"after: ${r.targets[0].findings.collect { it.id }}\"",
                    "}"), true));

            WorkflowRun run = j.buildAndAssertSuccess(job);

            j.assertLogContains("renewal: RENEWED", run);
            j.assertLogNotContains("CERT_EXPIRED", run.getLog().substring(run.getLog().indexOf("renewal: RENEWED")));
            RdpRenewalAction renewal = run.getAction(RdpRenewalAction.class);
            assertThat(renewal.getResult().action()).isEqualTo(RenewalAction.RENEWED);
            assertThat(renewal.getResult().before().notAfter()).isBefore(Instant.now());
            assertThat(renewal.getResult().after().notAfter()).isAfter(Instant.now());
        }
    }

    @Test
    void dryRunChangesNothing(JenkinsRule j) throws Exception {
        try (XrdpServer xrdp = XrdpServer.builder()
                .securityLayer(XrdpServer.SecurityLayer.TLS)
                .certificate(TestPki.selfSigned(CertificateSpec.expired()))
                .start()) {
            byte[] before = java.nio.file.Files.readAllBytes(xrdp.certFile());
            DumbSlave agent = j.createOnlineSlave();
            agent.setLabelString("xrdp-host");
            WorkflowJob job = j.createProject(WorkflowJob.class, "dry-run");
            job.setDefinition(new CpsFlowDefinition(
                    "node('xrdp-host') { echo \"renewal: ${rdpRenewCert(platform: 'xrdp', port: " + xrdp.port()
                            + ", xrdpConfig: '" + xrdp.iniFile() + "', dryRun: true)}\" }", true));

            WorkflowRun run = j.buildAndAssertSuccess(job);

            j.assertLogContains("renewal: PLANNED", run);
            assertThat(java.nio.file.Files.readAllBytes(xrdp.certFile())).isEqualTo(before);
        }
    }
}
