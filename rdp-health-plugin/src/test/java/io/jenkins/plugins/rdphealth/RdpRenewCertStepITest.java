package io.jenkins.plugins.rdphealth;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Label;
import io.rdphealth.renew.RenewalAction;
import io.rdphealth.testing.CertificateSpec;
import io.rdphealth.testing.TestPki;
import io.rdphealth.testing.XrdpServer;
import java.nio.file.Files;
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
 * The step gets the fixture's xrdp.ini as {@code xrdpConfig} and its port as {@code port}: the
 * library refuses (REFUSED, nothing changed) when the ini's listener port is not the requested one.
 * Lock, journal and backups go to the library's default state directory, /var/lib/rdphealth.
 */
@WithJenkins
class RdpRenewCertStepITest {
    @Test
    void renewsAnExpiredXrdpCertificateOnTheAgent(JenkinsRule j) throws Exception {
        try (XrdpServer xrdp = XrdpServer.builder()
                .securityLayer(XrdpServer.SecurityLayer.TLS)
                .certificate(TestPki.selfSigned(CertificateSpec.expired()))
                .start()) {
            j.createOnlineSlave(Label.get("xrdp-host"));
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
            String log = JenkinsRule.getLog(run);
            assertThat(log.substring(log.indexOf("renewal: RENEWED")))
                    .as("the probe after the renewal").contains("after: [").doesNotContain("CERT_EXPIRED");
            RdpRenewalAction renewal = run.getAction(RdpRenewalAction.class);
            assertThat(renewal).as("the renewal is recorded on the build").isNotNull();
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
            byte[] before = Files.readAllBytes(xrdp.certFile());
            j.createOnlineSlave(Label.get("xrdp-host"));
            WorkflowJob job = j.createProject(WorkflowJob.class, "dry-run");
            job.setDefinition(new CpsFlowDefinition(
                    "node('xrdp-host') { echo \"renewal: ${rdpRenewCert(platform: 'xrdp', port: " + xrdp.port()
                            + ", xrdpConfig: '" + xrdp.iniFile() + "', dryRun: true)}\" }", true));

            WorkflowRun run = j.buildAndAssertSuccess(job);

            j.assertLogContains("renewal: PLANNED", run);
            assertThat(Files.readAllBytes(xrdp.certFile())).isEqualTo(before);
        }
    }
}
