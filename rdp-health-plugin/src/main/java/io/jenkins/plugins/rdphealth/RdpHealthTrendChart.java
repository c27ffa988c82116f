package io.jenkins.plugins.rdphealth;

import edu.hm.hafner.echarts.ChartModelConfiguration;
import io.jenkins.plugins.echarts.AsyncConfigurableTrendChart;
import io.rdphealth.trend.TrendChart;
import io.rdphealth.trend.TrendCharts;
import org.kohsuke.stapler.bind.JavaScriptMethod;

/**
 * One trend chart of a job, bound to echarts-api's {@code c:trend-chart} tag. The model is the
 * library's: this class only collects the builds' reports.
 */
public final class RdpHealthTrendChart implements AsyncConfigurableTrendChart {
    private final RdpHealthJobAction job;
    private final TrendChart chart;

    RdpHealthTrendChart(RdpHealthJobAction job, TrendChart chart) {
        this.job = job;
        this.chart = chart;
    }

    @JavaScriptMethod
    @Override
    public String getConfigurableBuildTrendModel(String configuration) {
        ChartModelConfiguration parsed = ChartModelConfiguration.fromJson(configuration);
        return new TrendCharts().toJson(chart, job.history(parsed), parsed);
    }

    @Override
    public boolean isTrendVisible() {
        return job.hasAtLeastTwoResults();
    }

    /** The chart's title, from the library. */
    public String getTitle() {
        return chart.title();
    }

    /** HTML-id-safe name of the chart. */
    public String getChartId() {
        return job.getId() + "-" + chart.id();
    }

    /** Clicking a point opens {@code <build>/<urlName>}: the results of that build. */
    public String getUrlName() {
        return job.getUrlName();
    }
}
