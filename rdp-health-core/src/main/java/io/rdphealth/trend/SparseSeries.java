package io.rdphealth.trend;

import edu.hm.hafner.echarts.ChartModelConfiguration;
import edu.hm.hafner.echarts.LocalDateLabel;
import edu.hm.hafner.echarts.ResultTime;
import edu.hm.hafner.echarts.TimeFacade;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Series in which a run may have no value (a target absent from a run, a run where no handshake
 * completed). The library's {@code SeriesBuilder} fills such gaps with zero, which would read as
 * "0 days left"; here a gap stays {@code null}, which ECharts draws as a break in the line.
 * Which runs are shown follows the same rules as {@code SeriesBuilder}: newest first, stop at the
 * configured build count or day limit, then oldest to newest on the axis.
 */
final class SparseSeries {
    private final List<String> labels = new ArrayList<>();
    private final List<Integer> buildNumbers = new ArrayList<>();
    private final Map<String, List<Double>> values = new LinkedHashMap<>();

    /** The runs the chart shows, oldest first. {@code newestFirst} must be sorted by descending number. */
    static List<TrendRun> select(List<TrendRun> newestFirst, ChartModelConfiguration configuration) {
        ResultTime resultTime = new ResultTime();
        List<TrendRun> selected = new ArrayList<>();
        for (TrendRun run : newestFirst) {
            if (resultTime.isResultTooOld(configuration, run.toBuildResult())) {
                break;
            }
            selected.add(run);
            if (configuration.isBuildCountDefined() && selected.size() >= configuration.getBuildCount()) {
                break;
            }
        }
        Collections.reverse(selected);
        return selected;
    }

    /**
     * Computes the series over the selected runs (oldest first).
     *
     * @param valuesOf the values of one run by series name; a series missing from the map is a gap
     */
    static SparseSeries compute(List<TrendRun> oldestFirst, ChartModelConfiguration configuration,
            Function<TrendRun, Map<String, Double>> valuesOf) {
        SparseSeries series = new SparseSeries();
        Set<String> names = new LinkedHashSet<>();
        List<Map<String, Double>> perRun = new ArrayList<>();
        for (TrendRun run : oldestFirst) {
            Map<String, Double> runValues = valuesOf.apply(run);
            names.addAll(runValues.keySet());
            perRun.add(runValues);
        }
        if (configuration.getAxisType() == ChartModelConfiguration.AxisType.BUILD) {
            for (int i = 0; i < oldestFirst.size(); i++) {
                series.labels.add(oldestFirst.get(i).label());
                series.buildNumbers.add(oldestFirst.get(i).number());
            }
            for (String name : names) {
                series.values.put(name, perRun.stream().map(v -> round(v.get(name))).toList());
            }
        } else {
            Map<LocalDate, List<Map<String, Double>>> perDay = new TreeMap<>();
            for (int i = 0; i < oldestFirst.size(); i++) {
                LocalDate day = TimeFacade.getInstance().getBuildDate(oldestFirst.get(i).toBuildResult().getBuild());
                perDay.computeIfAbsent(day, d -> new ArrayList<>()).add(perRun.get(i));
            }
            perDay.keySet().forEach(day -> series.labels.add(new LocalDateLabel(day).toString()));
            for (String name : names) {
                series.values.put(name, perDay.values().stream().map(day -> round(average(day, name))).toList());
            }
        }
        return series;
    }

    private static Double average(List<Map<String, Double>> runs, String name) {
        double sum = 0;
        int count = 0;
        for (Map<String, Double> run : runs) {
            Double value = run.get(name);
            if (value != null) {
                sum += value;
                count++;
            }
        }
        return count == 0 ? null : sum / count;
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 100) / 100.0;
    }

    List<String> labels() {
        return labels;
    }

    List<Integer> buildNumbers() {
        return buildNumbers;
    }

    /** Values per series name in first-seen order; lists may hold {@code null} for gaps. */
    Map<String, List<Double>> values() {
        return values;
    }
}
