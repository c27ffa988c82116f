package io.rdphealth.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.hm.hafner.echarts.ChartModelConfiguration;
import edu.hm.hafner.echarts.ChartModelConfiguration.AxisType;
import edu.hm.hafner.echarts.line.LineSeries;
import edu.hm.hafner.echarts.line.LinesChartModel;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.SampleReports;
import io.rdphealth.report.TargetResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendChartsTest {
    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00Z");

    private final TrendCharts charts = new TrendCharts("Run");

    private static List<TrendRun> runs(int count) {
        List<TrendRun> runs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            runs.add(TrendRun.of(i, SampleReports.mixedRun(T0.plus(Duration.ofHours(i)), i)));
        }
        return runs;
    }

    private static LineSeries series(LinesChartModel model, String name) {
        return model.getSeries().stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void countsTargetsPerHealthStateOldestFirstWithWorstStateStackedFirst() {
        List<TrendRun> runs = new ArrayList<>(runs(3));
        // A fourth run where the expiring target is gone and the refused one recovered to healthy.
        Instant at = T0.plus(Duration.ofHours(4));
        runs.add(TrendRun.of(4, new RunReport(1, "t", at, 1, List.of(
                SampleReports.healthy("rdp1.example.test:3389", at, 150, 30),
                SampleReports.healthy("10.0.0.9:3389", at, 300, 20)))));
        java.util.Collections.shuffle(runs, new java.util.Random(7));

        LinesChartModel model = charts.create(TrendChart.HEALTH_STATES, runs, new ChartModelConfiguration());

        assertThat(model.getDomainAxisLabels()).containsExactly("#1", "#2", "#3", "#4");
        assertThat(model.getBuildNumbers()).containsExactly(1, 2, 3, 4);
        assertThat(model.getDomainAxisItemName()).isEqualTo("Run");
        assertThat(model.getSeries()).extracting(LineSeries::getName)
                .containsExactly("CRITICAL", "ERROR", "WARNING", "HEALTHY");
        // mixedRun: healthy, expiring (WARNING), downgraded (ERROR), refused (CRITICAL).
        assertThat(series(model, "CRITICAL").getData()).containsExactly(1.0, 1.0, 1.0, 0.0);
        assertThat(series(model, "ERROR").getData()).containsExactly(1.0, 1.0, 1.0, 0.0);
        assertThat(series(model, "WARNING").getData()).containsExactly(1.0, 1.0, 1.0, 0.0);
        assertThat(series(model, "HEALTHY").getData()).containsExactly(1.0, 1.0, 1.0, 2.0);
        assertThat(series(model, "HEALTHY").getStack()).isEqualTo("stacked");
    }

    @Test
    void certificateDaysArePerTargetWithGapsWhereATargetHadNoCertificate() throws Exception {
        List<TrendRun> runs = new ArrayList<>(runs(2));
        Instant at = T0.plus(Duration.ofHours(3));
        runs.add(TrendRun.of(3, new RunReport(1, "t", at, 1, List.of(
                SampleReports.healthy("rdp1.example.test:3389", at, 150, 30)))));

        LinesChartModel model = charts.create(TrendChart.CERTIFICATE_DAYS, runs, new ChartModelConfiguration());

        // Only targets that presented a certificate get a series; refused and downgraded ones did not.
        assertThat(model.getSeries()).extracting(LineSeries::getName)
                .containsExactly("rdp1.example.test:3389", "rdp2.example.test:3390");
        assertThat(series(model, "rdp1.example.test:3389").getData()).containsExactly(199.0, 198.0, 150.0);
        assertThat(series(model, "rdp2.example.test:3390").getData()).containsExactly(11.0, 10.0, null);

        JsonNode json = new ObjectMapper().readTree(charts.toJson(model));
        assertThat(json.at("/series/1/data/2").isNull()).as("a gap is null, never 0 days").isTrue();
        assertThat(json.at("/domainAxisLabels").size()).isEqualTo(3);
    }

    @Test
    void certificateDaysTakeTheMinimumOverATargetsAddresses() {
        Instant at = T0;
        TargetResult one = SampleReports.healthy("lb.example.test", at, 90, 10);
        TargetResult other = SampleReports.healthy("lb.example.test", at, 20, 10);
        TargetResult both = new TargetResult(one.target(), one.dns(),
                List.of(one.addresses().get(0), other.addresses().get(0)), one.findings(), at, 1);

        assertThat(TrendCharts.minimumDaysPerTarget(new RunReport(1, "t", at, 1, List.of(both))))
                .containsEntry("lb.example.test", 20.0).hasSize(1);
    }

    @Test
    void latencyIsMedianAndMaximumOverTargetsThatCompletedAHandshake() {
        Instant at = T0;
        RunReport odd = new RunReport(1, "t", at, 1, List.of(
                SampleReports.healthy("a", at, 10, 30), SampleReports.healthy("b", at, 10, 10),
                SampleReports.healthy("c", at, 10, 50), SampleReports.refused("d", at)));
        RunReport even = new RunReport(1, "t", at, 1, List.of(
                SampleReports.healthy("a", at, 10, 30), SampleReports.healthy("b", at, 10, 10)));
        RunReport none = new RunReport(1, "t", at, 1, List.of(SampleReports.refused("d", at)));

        assertThat(TrendCharts.latency(odd)).containsEntry("median", 30.0).containsEntry("max", 50.0);
        assertThat(TrendCharts.latency(even)).containsEntry("median", 20.0).containsEntry("max", 30.0);
        assertThat(TrendCharts.latency(none)).isEmpty();

        LinesChartModel model = charts.create(TrendChart.HANDSHAKE_LATENCY,
                List.of(TrendRun.of(1, odd), TrendRun.of(2, none), TrendRun.of(3, even)), new ChartModelConfiguration());
        assertThat(series(model, "median").getData()).containsExactly(30.0, null, 20.0);
        assertThat(series(model, "max").getData()).containsExactly(50.0, null, 30.0);
        assertThat(model.isIntegerRangeAxis()).isFalse();
    }

    @Test
    void allChartsShowTheSameNewestRunsWhenTheBuildCountLimitsThem() {
        List<TrendRun> runs = runs(12);
        ChartModelConfiguration lastFive = new ChartModelConfiguration(AxisType.BUILD, 5, 0);

        for (TrendChart chart : TrendChart.values()) {
            LinesChartModel model = charts.create(chart, runs, lastFive);
            assertThat(model.getBuildNumbers()).as(chart.id()).containsExactly(8, 9, 10, 11, 12);
            assertThat(model.getSeries()).as(chart.id()).allSatisfy(s -> assertThat(s.getData()).hasSize(5));
        }
    }

    @Test
    void dateAxisAveragesPerDayIgnoringGaps() {
        Instant day1 = Instant.parse("2026-11-01T10:00:00Z");
        Instant day2 = Instant.parse("2026-11-02T10:00:00Z");
        List<TrendRun> runs = List.of(
                TrendRun.of(1, new RunReport(1, "t", day1, 1, List.of(SampleReports.healthy("a", day1, 100, 10)))),
                TrendRun.of(2, new RunReport(1, "t", day1.plusSeconds(60), 1, List.of(SampleReports.refused("a", day1)))),
                TrendRun.of(3, new RunReport(1, "t", day1.plusSeconds(120), 1, List.of(SampleReports.healthy("a", day1, 80, 10)))),
                TrendRun.of(4, new RunReport(1, "t", day2, 1, List.of(SampleReports.healthy("a", day2, 60, 10)))));

        LinesChartModel model = charts.create(TrendChart.CERTIFICATE_DAYS, runs,
                new ChartModelConfiguration(AxisType.DATE, 50, 0));

        assertThat(model.getDomainAxisLabels()).containsExactly("11-01", "11-02");
        assertThat(series(model, "a").getData()).containsExactly(90.0, 60.0);
    }

    @Test
    void rejectsTwoRunsWithTheSameNumber() {
        RunReport report = SampleReports.mixedRun(T0, 0);
        assertThatThrownBy(() -> charts.create(TrendChart.HEALTH_STATES,
                List.of(TrendRun.of(3, report), TrendRun.of(3, report)), new ChartModelConfiguration()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3");
    }

    @Test
    void noRunsGiveEmptyModels() {
        assertThat(charts.createAll(List.of(), new ChartModelConfiguration()))
                .hasSize(3).allSatisfy((chart, model) -> assertThat(model.size()).isZero());
    }
}
