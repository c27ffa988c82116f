package io.jenkins.plugins.rdphealth;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import hudson.slaves.DumbSlave;
import io.rdphealth.policy.GateOutcome;
import io.rdphealth.testing.CertificateSpec;
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
 * CERT_EXPIRED finding (ERROR) and the pages carry text that must be escaped.
 */
@WithJenkins
class RdpHealthCheckStepITest {
    private static final String HOSTILE_NAME = "<img src=x onerror=alert(1)>";
    private static XrdpServer xrdp;

    @BeforeAll
    static void startXrdp() {
        xrdp = XrdpServer.builder()
                .securityLayer(XrdpServer.SecurityLayer.TLS)
                .certificate(TestPki.selfSigned(CertificateSpec.expired().toBuilder()
                        .subjectCommonName(HOSTILE_NAME).build()))
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
        DumbSlave agent = j.createOnlineSlave();
        agent.setLabelString("rdp");
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

        try (JenkinsRule.WebClient web = j.createWebClient()) {
            HtmlPage detail = web.getPage(run, "rdp-health-dmz");
            assertThat(detail.asNormalizedText()).contains("DMZ servers", "CERT_EXPIRED", HOSTILE_NAME);
            assertThat(detail.asXml()).doesNotContain(HOSTILE_NAME);
            assertThat(detail.getElementsByTagName("img").stream()
                    .noneMatch(e -> "x".equals(e.getAttribute("src")))).isTrue();

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
