package io.rdphealth.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.hm.hafner.echarts.ChartModelConfiguration;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.SampleReports;
import io.rdphealth.trend.TrendChart;
import io.rdphealth.trend.TrendCharts;
import io.rdphealth.trend.TrendRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Loads the HTML report in a real headless Chromium (Debian package {@code chromium}, installed
 * by {@code scripts/install-deps.sh}; the test fails when it is missing) and checks what a person
 * would see: no console errors, three rendered trend charts whose series hold the model's data,
 * and hostile server text that stays text. The screenshot is kept in {@code target/browser-test}.
 */
class HtmlReportBrowserTest {
    private static final Instant T0 = Instant.parse("2026-11-08T06:00:00Z");
    private static final Path OUT = Path.of("target", "browser-test");

    private static List<TrendRun> history(int runs) {
        List<TrendRun> trend = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            Instant at = T0.plus(Duration.ofDays(i));
            trend.add(new TrendRun(i, "#" + i, at, SampleReports.evolvingRun(at, i)));
        }
        return trend;
    }

    /** Chart values as numbers, gaps as {@code null}: JSON writes 1.0 where JavaScript writes 1. */
    private static List<Double> values(JsonNode data) {
        List<Double> values = new ArrayList<>();
        data.forEach(v -> values.add(v.isNull() ? null : v.asDouble()));
        return values;
    }

    @Test
    void theReportLoadsWithoutErrorsAndRendersTheTrendChartsWithTheirData() throws Exception {
        List<TrendRun> trend = history(12);
        RunReport current = trend.get(trend.size() - 1).report();
        Files.createDirectories(OUT);
        Path page = OUT.resolve("report.html");
        Files.writeString(page, new HtmlReport().render(current, trend));

        try (HeadlessChromium browser = new HeadlessChromium(1280, 1500)) {
            browser.open(page.toAbsolutePath().toUri());

            assertThat(browser.evaluate("document.querySelectorAll('[data-trend-chart] svg').length").asInt()).isEqualTo(3);
            assertThat(browser.evaluate("Array.from(document.querySelectorAll('[data-trend-chart] svg'))"
                    + ".map(s => s.querySelectorAll('path').length).every(n => n > 5)").asBoolean()).isTrue();
            JsonNode rendered = new ObjectMapper().readTree(browser.evaluate("JSON.stringify(Array.from("
                    + "document.querySelectorAll('[data-trend-chart]')).map(e => ({id: e.dataset.trendChart, "
                    + "series: echarts.getInstanceByDom(e).getOption().series.map(s => ({name: s.name, data: s.data}))})))").asText());
            TrendCharts charts = new TrendCharts("Run");
            for (int c = 0; c < TrendChart.values().length; c++) {
                TrendChart chart = TrendChart.values()[c];
                JsonNode model = new ObjectMapper().readTree(charts.toJson(chart, trend, new ChartModelConfiguration()));
                assertThat(rendered.get(c).get("id").asText()).isEqualTo(chart.id());
                for (int s = 0; s < model.get("series").size(); s++) {
                    assertThat(rendered.get(c).at("/series/" + s + "/name")).isEqualTo(model.at("/series/" + s + "/name"));
                    assertThat(values(rendered.get(c).at("/series/" + s + "/data"))).as(chart.id() + " series " + s)
                            .isEqualTo(values(model.at("/series/" + s + "/data")));
                }
                assertThat(rendered.get(c).get("series")).hasSize(model.get("series").size()).isNotEmpty();
            }
            assertThat(rendered.at("/0/series/0/data")).hasSize(12);

            Files.write(OUT.resolve("report.png"), browser.screenshot());
            assertThat(browser.errors()).isEmpty();
        }
        assertThat(Files.size(OUT.resolve("report.png"))).isGreaterThan(20_000);
    }

    /** The hostile certificate subject and NTLM names run no script in a real browser and show as text. */
    @Test
    void serverTextRunsNoScriptInARealBrowser() throws Exception {
        RunReport hostile = SampleReports.hostileRun(T0);
        Files.createDirectories(OUT);
        Path page = OUT.resolve("hostile.html");
        Files.writeString(page, new HtmlReport().render(hostile, List.of(TrendRun.of(1, hostile))));

        try (HeadlessChromium browser = new HeadlessChromium(1280, 900)) {
            browser.open(page.toAbsolutePath().toUri());

            assertThat(browser.evaluate("typeof window.__pwned").asText()).isEqualTo("undefined");
            assertThat(browser.evaluate("document.querySelectorAll('img, [onerror]').length").asInt()).isZero();
            assertThat(browser.evaluate("document.querySelectorAll('script').length").asInt()).isEqualTo(3);
            assertThat(browser.evaluate("Array.from(document.querySelectorAll('#target-0 dd')).map(d => d.textContent)"
                    + ".includes('CN=' + " + new ObjectMapper().writeValueAsString(SampleReports.PAYLOAD.replace('\u001b', '\uFFFD'))
                    + " + ',O=Evil')").asBoolean()).isTrue();
            assertThat(browser.evaluate("document.querySelectorAll('[data-trend-chart] svg').length").asInt()).isEqualTo(3);
            assertThat(browser.errors()).isEmpty();
        }
    }
}
