package io.rdphealth.report.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Severity;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.SampleReports;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

class JUnitXmlReportTest {
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;

    private static void assertValid(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        assertThat(document.getDocumentElement().getNodeName()).isEqualTo("testsuites");
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(JUnitXmlReportTest.class.getResource("junit.xsd"))
                .newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    /** Maven Surefire's own JUnit XML reader: what report plugins and many CI tools read it with. */
    private List<ReportTestSuite> parseWithSurefire(String xml) throws Exception {
        Path file = Files.writeString(dir.resolve("TEST-rdphealth.xml"), xml, StandardCharsets.UTF_8);
        TestSuiteXmlParser parser = new TestSuiteXmlParser(new NullConsoleLogger());
        List<ReportTestSuite> suites = parser.parse(file.toString());
        assertThat(parser.isValid()).isTrue();
        return suites;
    }

    private static Map<String, ReportTestCase> byName(ReportTestSuite suite) {
        return suite.getTestCases().stream().collect(Collectors.toMap(ReportTestCase::getName, Function.identity()));
    }

    @Test
    void oneSuitePerTargetAndOneCasePerCheckWithFindingsAsFailures() throws Exception {
        String xml = new JUnitXmlReport().render(SampleReports.mixedRun(AT, 0));

        assertValid(xml);
        List<ReportTestSuite> suites = parseWithSurefire(xml);
        assertThat(suites).extracting(ReportTestSuite::getFullClassName).containsExactly("rdphealth.rdp1_example_test:3389",
                "rdphealth.rdp2_example_test:3390", "rdphealth.xrdp_example_test", "rdphealth.10_0_0_9:3389");
        assertThat(suites).extracting(ReportTestSuite::getPackageName).containsOnly("rdphealth");

        Map<String, ReportTestCase> healthy = byName(suites.get(0));
        assertThat(healthy.keySet()).containsExactlyInAnyOrder("rdp1.example.test:3389 network",
                "rdp1.example.test:3389 negotiation", "rdp1.example.test:3389 tls", "rdp1.example.test:3389 certificate",
                "rdp1.example.test:3389 ntlm");
        assertThat(healthy.values()).allMatch(ReportTestCase::isSuccessful);
        assertThat(suites.get(0).getNumberOfFailures()).isZero();

        ReportTestCase certificate = byName(suites.get(1)).get("rdp2.example.test:3390 certificate");
        assertThat(certificate.hasFailure()).isTrue();
        assertThat(certificate.getFailureType()).isEqualTo("CERT_EXPIRING_SOON");
        assertThat(certificate.getFailureMessage())
                .isEqualTo("WARNING CERT_EXPIRING_SOON: the certificate CN=rdp2.example.test expires in 12 days");
        assertThat(certificate.getFailureDetail()).contains("Fix (RDP Health can apply it: renew-cert):",
                "1. Run: rdphealth renew-cert on rdp2.example.test:3390", "Evidence:", "- window 30 days");
        assertThat(byName(suites.get(1)).get("rdp2.example.test:3390 negotiation").getFailureType())
                .isEqualTo("NLA_NOT_REQUIRED");
        assertThat(byName(suites.get(1)).get("rdp2.example.test:3390 ntlm").hasSkipped()).isTrue();
    }

    @Test
    void aSymptomFailsItsOwnCheckAndNamesTheRootCause() throws Exception {
        List<ReportTestSuite> suites = parseWithSurefire(new JUnitXmlReport().render(SampleReports.mixedRun(AT, 0)));

        Map<String, ReportTestCase> xrdp = byName(suites.get(2));
        assertThat(xrdp.get("xrdp.example.test host").getFailureType()).isEqualTo("XRDP_KEY_UNREADABLE");
        assertThat(xrdp.get("xrdp.example.test host").getFailureDetail()).contains("Explains: TLS_DOWNGRADED_TO_RDP");
        assertThat(xrdp.get("xrdp.example.test negotiation").getFailureType()).isEqualTo("TLS_DOWNGRADED_TO_RDP");
        assertThat(xrdp.get("xrdp.example.test negotiation").getFailureDetail())
                .contains("Explained by XRDP_KEY_UNREADABLE: xrdp cannot read /etc/xrdp/key.pem");
        assertThat(xrdp.get("xrdp.example.test tls").hasSkipped()).isTrue();
    }

    @Test
    void checksTheProbeNeverReachedAreSkippedNotPassed() throws Exception {
        List<ReportTestSuite> suites = parseWithSurefire(new JUnitXmlReport().render(SampleReports.mixedRun(AT, 0)));

        ReportTestSuite refused = suites.get(3);
        Map<String, ReportTestCase> cases = byName(refused);
        assertThat(cases.get("10.0.0.9:3389 network").getFailureType()).isEqualTo("TCP_REFUSED");
        assertThat(cases.get("10.0.0.9:3389 network").getFailureMessage()).startsWith("CRITICAL TCP_REFUSED");
        assertThat(cases.get("10.0.0.9:3389 network").hasError()).as("CRITICAL is a failure, never an error").isFalse();
        assertThat(Arrays.asList("negotiation", "tls", "certificate", "ntlm"))
                .allSatisfy(check -> assertThat(cases.get("10.0.0.9:3389 " + check).hasSkipped()).isTrue());
        assertThat(refused.getNumberOfSkipped()).isEqualTo(4);
        assertThat(refused.getNumberOfTests()).isEqualTo(5);
    }

    @Test
    void theThresholdDecidesWhatFailsAndBelowItFindingsGoToSystemOut() throws Exception {
        String xml = new JUnitXmlReport(Severity.INFO).render(SampleReports.mixedRun(AT, 0));
        assertThat(byName(parseWithSurefire(xml).get(0)).get("rdp1.example.test:3389 negotiation").getFailureType())
                .isEqualTo(FindingId.NEG_HYBRID_REQUIRED.name());

        String strict = new JUnitXmlReport(Severity.CRITICAL).render(SampleReports.mixedRun(AT, 0));
        assertThat(parseWithSurefire(strict).stream().mapToInt(ReportTestSuite::getNumberOfFailures).sum()).isEqualTo(1);
        assertThat(strict).contains("<system-out>WARNING CERT_EXPIRING_SOON: the certificate CN=rdp2.example.test");
    }

    /** Server text with markup, quotes and a control character stays well-formed XML and reads back as text. */
    @Test
    void hostileServerTextIsEscapedAndControlCharactersReplaced() throws Exception {
        String xml = new JUnitXmlReport().render(SampleReports.hostileRun(AT));

        assertValid(xml);
        ReportTestCase certificate = byName(parseWithSurefire(xml).get(0)).get("evil.example.test:3389 certificate");
        String shown = SampleReports.PAYLOAD.replace('\u001b', '\uFFFD');
        assertThat(certificate.getFailureMessage()).isEqualTo("WARNING CERT_EXPIRING_SOON: certificate " + shown + " expires in 5 days");
        assertThat(certificate.getFailureDetail()).contains("- subject: CN=" + shown);
        assertThat(xml).doesNotContain("\u001b");
    }

    @Test
    void anEmptyRunIsAValidEmptyReport() throws Exception {
        String xml = new JUnitXmlReport().render(new RunReport(1, "t", AT, 0, List.of()));
        assertValid(xml);
        assertThat(parseWithSurefire(xml)).isEmpty();
    }
}
