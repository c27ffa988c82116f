package io.jenkins.plugins.rdphealth;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Label;
import hudson.model.Result;
import io.rdphealth.policy.GateOutcome;
import io.rdphealth.testing.CertificateSpec;
import io.rdphealth.testing.MintedCertificate;
import io.rdphealth.testing.TestPki;
import io.rdphealth.testing.XrdpServer;
import java.util.List;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Pipelines probing a real xrdp (started by the core's test fixture on a free loopback port) from
 * a real agent: the gate passes, goes UNSTABLE or fails per the thresholds; the script reads the
 * result; the build and job pages render with the server-provided text escaped.
 *
 * <p>The xrdp presents an expired certificate whose common name contains HTML, so the run has a
 * CERT_EXPIRED finding and the pages carry text that must be escaped. The xrdp negotiates its
 * security layer: on a TLS-only listener the library raises CERT_EXPIRED to CRITICAL (every client
 * that checks dates is blocked), which would leave no threshold above the worst finding for the
 * UNSTABLE case; here the worst finding is CERT_EXPIRED at ERROR. The pages show the
 * subject as the library reports it ({@code X500Principal.getName()}, RFC 2253:
 * {@code CN=\<img src\=x onerror\=alert(1)\>,O=...}), so that is the text the page must contain
 * as text and never as markup.
 */
@WithJenkins
class RdpHealthCheckStepITest {
    private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>";
    private static MintedCertificate hostile;
    private static XrdpServer xrdp;

    @BeforeAll
    static void startXrdp() {
        hostile = TestPki.selfSigned(CertificateSpec.expired().toBuilder().subjectCommonName(HOSTILE_NAME).build());
        xrdp = XrdpServer.builder()
                .securityLayer(XrdpServer.SecurityLayer.NEGOTIATE)
                .certificate(hostile)
                .start();
    }

    @AfterAll
    static void stopXrdp() {
        if (xrdp != null) {
            xrdp.close();
        }
    }

    private static String target() {
        return "127.0.0.1:" + xrdp.port();
    }

    private static WorkflowJob pipeline(JenkinsRule j, String name, String body) throws Exception {
        j.createOnlineSlave(Label.get("rdp"));
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition("node('rdp') {\n" + body + "\n}", true));
        return job;
    }

    @Test
    void failsTheBuildWhenAFindingReachesFailOn(JenkinsRule j) throws Exception {
        WorkflowJob job = pipeline(j, "fail", "rdpHealthCheck targets: '" + target() + "', failOn: 'ERROR'");

        WorkflowRun run = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));

        j.assertLogContains("CERT_EXPIRED", run);
        j.assertLogContains("rdpHealthCheck failed the build: 1 of 1 target(s) at ERROR or worse", run);
        RdpHealthBuildAction action = run.getAction(RdpHealthBuildAction.class);
        assertThat(action).as("results are stored before the build fails").isNotNull();
        assertThat(action.getOutcome()).isEqualTo(GateOutcome.FAIL);
    }

    @Test
    void marksTheBuildUnstableBetweenTheThresholds(JenkinsRule j) throws Exception {
        WorkflowJob job = pipeline(j, "unstable",
                "rdpHealthCheck targets: '" + target() + "', failOn: 'CRITICAL', unstableOn: 'ERROR'");

        WorkflowRun run = j.assertBuildStatus(Result.UNSTABLE, job.scheduleBuild2(0));

        j.assertLogContains("UNSTABLE: 1 of 1 target(s) at ERROR or worse (unstableOn ERROR)", run);
    }

    @Test
    void passesWithThresholdsOffAndTheScriptReadsTheResult(JenkinsRule j) throws Exception {
        WorkflowJob job = pipeline(j, "pass", String.join("\n",
                "def r = rdpHealthCheck targetList: ['" + target() + "'], failOn: 'NONE', unstableOn: 'NONE'",
                "echo \"healthy=${r.healthy} gate=${r.gate} worst=${r.worstSeverity}\"",
                "echo \"ids=${r.targets[0].findings.collect { it.id }}\""));

        WorkflowRun run = j.assertBuildStatus(Result.SUCCESS, job.scheduleBuild2(0));

        j.assertLogContains("healthy=false gate=PASS worst=", run);
        j.assertLogContains("CERT_EXPIRED", run);
    }

    @Test
    void keepsSeveralCallsOfOneBuildApartByIdAndRendersPagesEscaped(JenkinsRule j) throws Exception {
        WorkflowJob job = pipeline(j, "pages", String.join("\n",
                "rdpHealthCheck id: 'lab', targets: '" + target() + "', failOn: 'NONE', unstableOn: 'NONE'",
                "rdpHealthCheck id: 'dmz', name: 'DMZ servers', targets: '" + target() + "', failOn: 'NONE', unstableOn: 'NONE'"));
        j.buildAndAssertSuccess(job);
        WorkflowRun run = j.buildAndAssertSuccess(job);

        List<RdpHealthBuildAction> actions = run.getActions(RdpHealthBuildAction.class);
        assertThat(actions).extracting(RdpHealthBuildAction::getId).containsExactlyInAnyOrder("lab", "dmz");

        // What the library reports as the subject; it still holds "<img", so only the view's escaping keeps it text.
        String subject = hostile.certificate().getSubjectX500Principal().getName();
        assertThat(subject).contains("<img src");
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            HtmlPage detail = web.getPage(run, "rdp-health-dmz");
            assertThat(detail.asNormalizedText()).contains("DMZ servers", "CERT_EXPIRED", subject);
            assertThat(detail.asXml()).doesNotContain(subject).contains("&lt;img src");
            assertThat(detail.getElementsByTagName("img"))
                    .noneMatch(e -> e.asXml().contains("onerror") || e.asXml().contains("alert(1)"));

            HtmlPage build = web.getPage(run);
            assertThat(build.asNormalizedText()).contains("RDP Health (lab)", "DMZ servers");

            HtmlPage jobPage = web.getPage(job);
            assertThat(jobPage.asXml()).contains("echarts-trend");
        }
        RdpHealthJobAction trend = job.getActions(RdpHealthJobAction.class).stream()
                .filter(a -> a.getId().equals("lab")).findFirst().orElseThrow();
        assertThat(trend.getCharts()).hasSize(3);
        assertThat(trend.getCharts().get(0).getConfigurableBuildTrendModel("{}")).contains("\"buildNumbers\"");
    }

    @Test
    void saysSoWhenCalledOutsideANodeBlock(JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "no-node");
        job.setDefinition(new CpsFlowDefinition("rdpHealthCheck targets: '" + target() + "'", true));

        WorkflowRun run = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));

        j.assertLogContains("rdpHealthCheck must run inside a node block", run);
    }

    @Test
    void rejectsABadTargetBeforeProbing(JenkinsRule j) throws Exception {
        WorkflowJob job = pipeline(j, "bad-target", "rdpHealthCheck targets: 'good.example, bad:99999'");

        WorkflowRun run = j.assertBuildStatus(Result.FAILURE, job.scheduleBuild2(0));

        j.assertLogContains("invalid target 'bad:99999'", run);
    }
}
