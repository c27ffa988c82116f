package io.rdphealth.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.rdphealth.check.RdpHealthCheck;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.probe.ProbeRun;
import io.rdphealth.report.html.HtmlReport;
import io.rdphealth.report.junit.JUnitXmlReport;
import io.rdphealth.target.Target;
import io.rdphealth.testing.CertificateSpec;
import io.rdphealth.testing.LoopbackPorts;
import io.rdphealth.testing.TestPki;
import io.rdphealth.testing.XrdpServer;
import io.rdphealth.testing.gateway.FakeRdGateway;
import io.rdphealth.trend.TrendRun;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/**
 * The reports over real probe output: real xrdp servers on loopback ports (one serving a
 * certificate whose common name is an HTML/script payload) and a closed port, probed by the real
 * {@link RdpHealthCheck}. The JSON validates against the documented schema, the JUnit XML parses,
 * and the payload the server sent is shown as text in the HTML.
 */
class RealProbeReportTest {
    private static final String CN_PAYLOAD = "</script><script>window.__pwned=1</script><img src=x onerror=alert(1)>";

    @Test
    void reportsOfRealProbesAreValidAndShowTheServersCertificateNameAsText() throws Exception {
        RunReport report;
        try (XrdpServer normal = XrdpServer.builder().certificate(TestPki.selfSigned(CertificateSpec.valid())).start();
                XrdpServer hostile = XrdpServer.builder().certificate(TestPki.selfSigned(
                        CertificateSpec.valid().toBuilder().subjectCommonName(CN_PAYLOAD).build())).start()) {
            int closed = LoopbackPorts.freePort();
            report = new RdpHealthCheck(ProbeRun.fast(), SeverityPolicy.defaults()).run(List.of(
                    Target.of("127.0.0.1", normal.port()), Target.of("127.0.0.1", hostile.port()),
                    Target.of("127.0.0.1", closed)));
        }
        String json = new ReportJson().write(report);

        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("..", "docs", "report.schema.json")));
        assertThat(ReportSchemaTest.validate(schema, json)).isEmpty();
        assertThat(new ReportJson().read(json)).isEqualTo(report);

        String subject = report.targets().get(1).addresses().get(0).certificate().leaf().subject();
        assertThat(subject).as("the server really sent markup").contains("</script", "<img src", "onerror");
        Document page = Jsoup.parse(new HtmlReport().render(report, List.of(TrendRun.of(1, report))));
        assertThat(page.select("img, [onerror]")).isEmpty();
        assertThat(page.select("script")).hasSize(3).allSatisfy(s -> assertThat(s.data()).doesNotContain("__pwned"));
        assertThat(page.getElementById("target-1").select("dd").eachText()).contains(subject);

        String xml = new JUnitXmlReport().render(report);
        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)))
                .getElementsByTagName("testcase").getLength()).isEqualTo(15);
        assertThat(xml).contains("type=\"TCP_REFUSED\"");
    }

    /**
     * A real xrdp target behind the RD Gateway stand-in (no RD Gateway runs on Linux) whose
     * certificate name and authentication scheme carry markup: the gateway appears in every report,
     * its text escaped.
     */
    @Test
    void gatewaySectionAppearsInEveryReportWithServerTextEscaped() throws Exception {
        RunReport report;
        try (XrdpServer target = XrdpServer.builder().certificate(TestPki.selfSigned(CertificateSpec.valid())).start();
                FakeRdGateway gateway = FakeRdGateway.start(TestPki.selfSigned(
                        CertificateSpec.valid().toBuilder().subjectCommonName(CN_PAYLOAD).build()),
                        FakeRdGateway.Behaviour.GATEWAY, List.of("Basic realm=\"<b>x</b>\""), null)) {
            report = new RdpHealthCheck(ProbeRun.fast().withGateway(Target.of("127.0.0.1", gateway.port())),
                    SeverityPolicy.defaults()).run(List.of(Target.of("127.0.0.1", target.port())));
        }
        assertThat(report.gateway().findings()).extracting(f -> f.id().name()).contains("GATEWAY_AUTH_BASIC_ONLY");
        String json = new ReportJson().write(report);
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("..", "docs", "report.schema.json")));
        assertThat(ReportSchemaTest.validate(schema, json)).isEmpty();
        assertThat(new ReportJson().read(json)).isEqualTo(report);

        Document page = Jsoup.parse(new HtmlReport().render(report, List.of()));
        assertThat(page.select("img, [onerror], b")).isEmpty();
        assertThat(page.getElementById("gateway").select("[data-finding]").eachAttr("data-finding"))
                .contains("GATEWAY_AUTH_BASIC_ONLY");
        assertThat(page.getElementById("gateway").select("dd").eachText())
                .contains(report.gateway().evidence().certificate().leaf().subject());

        String xml = new JUnitXmlReport().render(report);
        assertThat(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)))
                .getElementsByTagName("testsuite").getLength()).isEqualTo(2);
        assertThat(xml).contains("type=\"GATEWAY_AUTH_BASIC_ONLY\"").doesNotContain("<img");
    }
}
