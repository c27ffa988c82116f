package io.rdphealth.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.SampleReports;
import io.rdphealth.report.TargetResult;
import io.rdphealth.target.Target;
import io.rdphealth.trend.TrendRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    /** What the payload reads as on the page: the control character is shown as U+FFFD. */
    private static final String SHOWN = SampleReports.PAYLOAD.replace('\u001b', '\uFFFD');

    private final HtmlReport renderer = new HtmlReport();

    private static List<TrendRun> history(int runs) {
        List<TrendRun> trend = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            trend.add(TrendRun.of(i, SampleReports.mixedRun(AT.plus(Duration.ofHours(i)), i)));
        }
        return trend;
    }

    @Test
    void showsEachTargetWithRootCauseThenFixThenEvidenceThenTheSymptomsItExplains() {
        Document page = Jsoup.parse(renderer.render(SampleReports.mixedRun(AT, 0), List.of()));

        assertThat(page.select("#summary tbody tr")).hasSize(4);
        assertThat(page.select("#summary tbody tr").get(1).text())
                .contains("rdp2.example.test:3390", "WARNING", "CERT_EXPIRING_SOON", "12");
        Element xrdp = page.getElementById("target-2");
        Element root = xrdp.selectFirst("div.finding[data-finding=XRDP_KEY_UNREADABLE]");
        assertThat(root.selectFirst(".role").text()).isEqualTo("root cause");
        List<String> order = root.children().stream().map(Element::className).toList();
        assertThat(order).containsSubsequence("head", "fix", "evidence", "symptoms");
        assertThat(root.select("> ol.fix > li").eachText())
                .containsExactly("chgrp xrdp /etc/xrdp/key.pem", "chmod 0640 /etc/xrdp/key.pem", "systemctl restart xrdp");
        assertThat(root.selectFirst(".symptoms div.finding").attr("data-finding")).isEqualTo("TLS_DOWNGRADED_TO_RDP");
        assertThat(page.getElementById("no-trends")).isNotNull();
        assertThat(page.select("script")).as("no chart scripts without history").isEmpty();
    }

    /** The certificate subject, NTLM names and finding text of a hostile server appear as text, never as markup. */
    @Test
    void everythingAServerSentIsShownAsText() {
        String html = renderer.render(SampleReports.hostileRun(AT), history(2));
        Document page = Jsoup.parse(html);

        assertThat(html).doesNotContain(SampleReports.PAYLOAD).doesNotContain("<img src=x");
        assertThat(page.select("img")).isEmpty();
        assertThat(page.select("[onerror]")).isEmpty();
        assertThat(page.select("script")).hasSize(3)
                .allSatisfy(s -> assertThat(s.data()).doesNotContain("__pwned"));
        Element target = page.getElementById("target-0");
        assertThat(target.select("dd").eachText()).contains("CN=" + SHOWN + ",O=Evil", SHOWN, SHOWN + ".example.test");
        assertThat(target.select(".finding .head").text()).contains("certificate " + SHOWN + " expires in 5 days");
        assertThat(target.select("ul.evidence li").eachText()).contains("Server: " + SHOWN);
        assertThat(target.select("ol.fix li").eachText()).containsExactly("renew " + SHOWN);
    }

    /** A series name is the target as typed; a {@code </script>} in it must not end the data element. */
    @Test
    void trendDataCannotBreakOutOfItsScriptElement() throws Exception {
        TargetResult hostile = SampleReports.hostileRun(AT).targets().get(0);
        TargetResult renamed = new TargetResult(new Target("evil.example.test", 3389, SampleReports.PAYLOAD),
                hostile.dns(), hostile.addresses(), hostile.findings(), AT, 1);
        RunReport report = new RunReport(1, "t", AT, 1, List.of(renamed));

        String html = renderer.render(report, List.of(TrendRun.of(1, report)));
        Document page = Jsoup.parse(html);

        Element data = page.getElementById(HtmlReport.TRENDS_ELEMENT_ID);
        assertThat(data.attr("type")).isEqualTo("application/json");
        JsonNode models = new ObjectMapper().readTree(data.data());
        assertThat(models.at("/certificate-days/series/0/name").asText()).isEqualTo(SampleReports.PAYLOAD);
        assertThat(data.data()).doesNotContain("<", ">", "&");
        assertThat(page.select("script")).hasSize(3);
        assertThat(page.getElementById("target-0").selectFirst("h2").ownText()).isEqualTo(SHOWN);
    }

    @Test
    void embedsEchartsAndTheThreeChartModelsOverTheHistory() throws Exception {
        String html = renderer.render(SampleReports.mixedRun(AT, 0), history(5));
        Document page = Jsoup.parse(html);

        assertThat(page.select("[data-trend-chart]").eachAttr("data-trend-chart"))
                .containsExactly("health-states", "certificate-days", "handshake-latency");
        JsonNode models = new ObjectMapper().readTree(page.getElementById(HtmlReport.TRENDS_ELEMENT_ID).data());
        assertThat(models.at("/health-states/domainAxisLabels")).hasSize(5);
        assertThat(models.at("/handshake-latency/series/0/name").asText()).isEqualTo("median");
        List<Element> scripts = page.select("script:not([type])");
        assertThat(scripts).hasSize(2);
        assertThat(scripts.get(0).data()).contains("echarts").hasSizeGreaterThan(300_000);
        assertThat(page.select("script[src], link[href]")).as("nothing loaded from the network").isEmpty();
        String policy = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertThat(policy).contains("default-src 'none'").containsPattern("script-src 'sha256-[^']+' 'sha256-[^']+'$");
    }

    @Test
    void escapesMarkupQuotesAndControlCharacters() {
        assertThat(Html.escape("<a href=\"x\" title='y'>&</a>\u0007"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;\uFFFD");
        assertThat(Html.scriptJson("{\"a\":\"</script><!--\\u2028\u2028\"}"))
                .isEqualTo("{\"a\":\"\\u003c/script\\u003e\\u003c!--\\u2028\\u2028\"}");
        assertThat(Html.inlineScript("s='</SCRIPT>';t='<!--'")).isEqualTo("s='<\\/SCRIPT>';t='<\\!--'");
    }
}
