package io.rdphealth.trend;

/** The trend charts the reports show; the ID names the chart in the HTML report and the Jenkins URLs. */
public enum TrendChart {
    /** Number of targets per worst health state, stacked. */
    HEALTH_STATES("health-states", "Targets by worst severity"),
    /** Per target: the fewest days left on any certificate it presented. */
    CERTIFICATE_DAYS("certificate-days", "Minimum certificate days left per target"),
    /** Median and maximum TLS handshake time over the targets that completed one. */
    HANDSHAKE_LATENCY("handshake-latency", "TLS handshake latency (ms)");

    private final String id;
    private final String title;

    TrendChart(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** Stable, URL- and HTML-id-safe name of the chart. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }
}
