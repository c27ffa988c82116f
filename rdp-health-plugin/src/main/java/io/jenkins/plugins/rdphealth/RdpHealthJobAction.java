package io.jenkins.plugins.rdphealth;

import edu.hm.hafner.echarts.ChartModelConfiguration;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.util.JobAction;
import io.rdphealth.trend.TrendChart;
import io.rdphealth.trend.TrendRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The job's view of one {@code rdpHealthCheck} id: the trend charts on the job page (their series
 * are computed by the library's {@code io.rdphealth.trend.TrendCharts}) and a link to the latest
 * results.
 */
public class RdpHealthJobAction extends JobAction<RdpHealthBuildAction> {
    /** How many builds a chart looks back when its configuration does not say. */
    static final int DEFAULT_BUILD_COUNT = 50;

    private final String id;
    private final String name;

    RdpHealthJobAction(Job<?, ?> owner, String id, String name) {
        super(owner, RdpHealthBuildAction.class);
        this.id = id;
        this.name = name;
    }

    public String getId() {
        return id;
    }

    @Override
    public String getIconFileName() {
        return RdpHealthIcons.ICON;
    }

    @Override
    public String getDisplayName() {
        return name;
    }

    @Override
    public String getUrlName() {
        return RdpHealthBuildAction.URL_PREFIX + id;
    }

    /** The latest build with results of this id (not of another {@code rdpHealthCheck} call). */
    @Override
    public Optional<RdpHealthBuildAction> getLatestAction() {
        for (Run<?, ?> run = getOwner().getLastBuild(); run != null; run = run.getPreviousBuild()) {
            Optional<RdpHealthBuildAction> action = actionOf(run);
            if (action.isPresent()) {
                return action;
            }
        }
        return Optional.empty();
    }

    private Optional<RdpHealthBuildAction> actionOf(Run<?, ?> run) {
        return run.getActions(RdpHealthBuildAction.class).stream().filter(a -> id.equals(a.getId())).findFirst();
    }

    /** Used by floatingBox.jelly: one chart per library trend chart. */
    public List<RdpHealthTrendChart> getCharts() {
        List<RdpHealthTrendChart> charts = new ArrayList<>();
        for (TrendChart chart : TrendChart.values()) {
            charts.add(new RdpHealthTrendChart(this, chart));
        }
        return charts;
    }

    /** Whether two builds have results of this id: a trend needs two points. Reads no results file. */
    boolean hasAtLeastTwoResults() {
        int found = 0;
        for (Run<?, ?> run = getOwner().getLastBuild(); run != null && found < 2; run = run.getPreviousBuild()) {
            if (actionOf(run).isPresent()) {
                found++;
            }
        }
        return found >= 2;
    }

    /**
     * The newest runs of this id, at most as many as the configuration asks for (the library then
     * applies the configuration's day count and axis type).
     */
    List<TrendRun> history(ChartModelConfiguration configuration) {
        int limit = configuration.isBuildCountDefined() ? configuration.getBuildCount() : DEFAULT_BUILD_COUNT;
        List<TrendRun> runs = new ArrayList<>();
        for (Run<?, ?> run = getOwner().getLastBuild(); run != null && runs.size() < limit; run = run.getPreviousBuild()) {
            Optional<RdpHealthBuildAction> action = actionOf(run);
            if (action.isPresent()) {
                runs.add(new TrendRun(run.getNumber(), run.getDisplayName(), Instant.ofEpochMilli(run.getTimeInMillis()),
                        action.get().getReport()));
            }
        }
        return runs;
    }
}
