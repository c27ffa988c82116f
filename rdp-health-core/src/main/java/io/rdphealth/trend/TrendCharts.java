package io.rdphealth.trend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.hm.hafner.echarts.BuildResult;
import edu.hm.hafner.echarts.ChartModelConfiguration;
import edu.hm.hafner.echarts.Palette;
import edu.hm.hafner.echarts.line.LineSeries;
import edu.hm.hafner.echarts.line.LineSeries.FilledMode;
import edu.hm.hafner.echarts.line.LineSeries.StackedMode;
import edu.hm.hafner.echarts.line.LinesChartModel;
import edu.hm.hafner.echarts.line.LinesDataSet;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.report.HealthState;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.TargetResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the trend charts over a sequence of runs as {@link LinesChartModel}s of
 * {@code edu.hm.hafner:echarts-build-trends}: the model the Jenkins plugins serve through
 * echarts-api's {@code AsyncTrendChart}, and the model the HTML report embeds. The plugin passes
 * its builds' reports; the CLI passes the history folder's entries.
 */
public final class TrendCharts {
    /** Names of the two latency series. */
    public static final String MEDIAN = "median";
    public static final String MAXIMUM = "max";

    private static final Map<HealthState, Palette> STATE_COLORS = new EnumMap<>(Map.of(
            HealthState.HEALTHY, Palette.GREEN, HealthState.WARNING, Palette.YELLOW,
            HealthState.ERROR, Palette.ORANGE, HealthState.CRITICAL, Palette.RED));

    /**
     * Line colours: the palette's pastel tones suit stacked areas but vanish as thin lines, so
     * separate lines use the strong "category10" colours.
     */
    private static final List<String> LINE_COLORS = List.of("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd",
            "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf");

    private final String domainAxisItemName;
    private final ObjectMapper mapper = new ObjectMapper();

    /** Charts whose axis items are called "Build" (Jenkins). */
    public TrendCharts() {
        this("Build");
    }

    /** @param domainAxisItemName what one point of the axis is called in tooltips ("Build", "Run") */
    public TrendCharts(String domainAxisItemName) {
        this.domainAxisItemName = domainAxisItemName;
    }

    /**
     * Creates one chart's model.
     *
     * @param chart         which chart
     * @param runs          the runs, in any order; numbers must be unique
     * @param configuration how many builds or days to show and whether the axis is per build or per day
     * @throws IllegalArgumentException when two runs share a number
     */
    public LinesChartModel create(TrendChart chart, List<TrendRun> runs, ChartModelConfiguration configuration) {
        List<TrendRun> newestFirst = newestFirst(runs);
        LinesChartModel model = switch (chart) {
            case HEALTH_STATES -> healthStates(newestFirst, configuration);
            case CERTIFICATE_DAYS -> certificateDays(newestFirst, configuration);
            case HANDSHAKE_LATENCY -> handshakeLatency(newestFirst, configuration);
        };
        model.setDomainAxisItemName(domainAxisItemName);
        return model;
    }

    /** The chart's model as the JSON that echarts-api's trend chart and the HTML report render. */
    public String toJson(TrendChart chart, List<TrendRun> runs, ChartModelConfiguration configuration) {
        return toJson(create(chart, runs, configuration));
    }

    /** All charts in {@link TrendChart} order, keyed by chart. */
    public Map<TrendChart, LinesChartModel> createAll(List<TrendRun> runs, ChartModelConfiguration configuration) {
        Map<TrendChart, LinesChartModel> models = new LinkedHashMap<>();
        for (TrendChart chart : TrendChart.values()) {
            models.put(chart, create(chart, runs, configuration));
        }
        return models;
    }

    public String toJson(LinesChartModel model) {
        try {
            return mapper.writeValueAsString(model);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise chart model: " + e.getOriginalMessage(), e);
        }
    }

    private static List<TrendRun> newestFirst(List<TrendRun> runs) {
        Set<Integer> numbers = new HashSet<>();
        for (TrendRun run : runs) {
            if (!numbers.add(run.number())) {
                throw new IllegalArgumentException("two runs have the number " + run.number());
            }
        }
        List<TrendRun> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingInt(TrendRun::number).reversed());
        return sorted;
    }

    private static LinesChartModel healthStates(List<TrendRun> newestFirst, ChartModelConfiguration configuration) {
        List<BuildResult<RunReport>> results = newestFirst.stream().map(TrendRun::toBuildResult).toList();
        LinesDataSet dataSet = new HealthStateSeriesBuilder().createDataSet(configuration, results);
        LinesChartModel model = new LinesChartModel(dataSet);
        // Worst first, so the stack reads CRITICAL at the bottom like the warnings plugins' severity charts.
        for (int i = HealthState.values().length - 1; i >= 0; i--) {
            HealthState state = HealthState.values()[i];
            if (dataSet.containsSeries(state.name())) {
                model.addSeries(new LineSeries(state.name(), STATE_COLORS.get(state).getNormal(),
                        StackedMode.STACKED, FilledMode.FILLED, dataSet.getSeries(state.name())));
            }
        }
        return model;
    }

    private static LinesChartModel certificateDays(List<TrendRun> newestFirst, ChartModelConfiguration configuration) {
        SparseSeries series = SparseSeries.compute(SparseSeries.select(newestFirst, configuration), configuration,
                run -> minimumDaysPerTarget(run.report()));
        return lines(series, false);
    }

    private static LinesChartModel handshakeLatency(List<TrendRun> newestFirst, ChartModelConfiguration configuration) {
        SparseSeries series = SparseSeries.compute(SparseSeries.select(newestFirst, configuration), configuration,
                run -> latency(run.report()));
        return lines(series, true);
    }

    private static LinesChartModel lines(SparseSeries series, boolean continuous) {
        LinesChartModel model = new LinesChartModel(series.labels(), series.buildNumbers());
        if (continuous) {
            model.useContinuousRangeAxis();
        }
        int color = 0;
        for (Map.Entry<String, List<Double>> entry : series.values().entrySet()) {
            model.addSeries(new LineSeries(entry.getKey(), LINE_COLORS.get(color++ % LINE_COLORS.size()),
                    StackedMode.SEPARATE_LINES, FilledMode.LINES, entry.getValue()));
        }
        return model;
    }

    /**
     * Per target (named as the user wrote it), the fewest days left on any certificate its
     * addresses presented; targets without a certificate in this run have no value.
     */
    static Map<String, Double> minimumDaysPerTarget(RunReport report) {
        Map<String, Double> days = new LinkedHashMap<>();
        for (TargetResult target : report.targets()) {
            for (WireEvidence address : target.addresses()) {
                if (address.certificate() != null) {
                    days.merge(target.target().input(), (double) address.certificate().daysLeft(), Math::min);
                }
            }
        }
        return days;
    }

    /** Median and maximum handshake time over the run's targets that completed one; empty when none did. */
    static Map<String, Double> latency(RunReport report) {
        double[] millis = report.targets().stream().map(TargetResult::handshakeMillis)
                .filter(m -> m != null).mapToDouble(Double::doubleValue).sorted().toArray();
        Map<String, Double> values = new LinkedHashMap<>();
        if (millis.length > 0) {
            int n = millis.length;
            values.put(MEDIAN, n % 2 == 1 ? millis[n / 2] : (millis[n / 2 - 1] + millis[n / 2]) / 2);
            values.put(MAXIMUM, millis[n - 1]);
        }
        return values;
    }
}
