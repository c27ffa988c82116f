package io.rdphealth.trend;

import edu.hm.hafner.echarts.line.SeriesBuilder;
import io.rdphealth.report.HealthState;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.TargetResult;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts the targets of a run per worst health state. Every state is present in every point (zero
 * is a true count here), so the library's {@link SeriesBuilder}, which fills gaps with zero, fits.
 */
final class HealthStateSeriesBuilder extends SeriesBuilder<RunReport> {
    @Override
    protected Map<String, Double> computeSeries(RunReport report) {
        Map<HealthState, Integer> counts = new EnumMap<>(HealthState.class);
        for (HealthState state : HealthState.values()) {
            counts.put(state, 0);
        }
        for (TargetResult target : report.targets()) {
            counts.merge(target.state(), 1, Integer::sum);
        }
        Map<String, Double> series = new LinkedHashMap<>();
        counts.forEach((state, count) -> series.put(state.name(), count.doubleValue()));
        return series;
    }
}
