package io.jenkins.plugins.rdphealth;

import hudson.Extension;
import hudson.util.FormValidation;
import io.rdphealth.policy.Gate;
import io.rdphealth.policy.SeverityPolicy;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Defaults for every {@code rdpHealthCheck} call that does not set a value itself: thresholds and
 * timeouts. Configurable on "Manage Jenkins / System" and, through the symbol {@code rdpHealth},
 * with Configuration as Code ({@code unclassified: rdpHealth: failOn: ERROR}).
 */
@Extension
@Symbol("rdpHealth")
public class RdpHealthGlobalConfiguration extends GlobalConfiguration {
    static final String DEFAULT_FAIL_ON = "ERROR";
    static final String DEFAULT_UNSTABLE_ON = "WARNING";
    static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;
    static final int DEFAULT_READ_TIMEOUT_SECONDS = 10;
    static final int DEFAULT_TARGET_DEADLINE_SECONDS = 60;
    static final int DEFAULT_PARALLELISM = 8;

    private String failOn = DEFAULT_FAIL_ON;
    private String unstableOn = DEFAULT_UNSTABLE_ON;
    private int connectTimeoutSeconds = DEFAULT_CONNECT_TIMEOUT_SECONDS;
    private int readTimeoutSeconds = DEFAULT_READ_TIMEOUT_SECONDS;
    private int targetDeadlineSeconds = DEFAULT_TARGET_DEADLINE_SECONDS;
    private int parallelism = DEFAULT_PARALLELISM;
    private int expiryWindowDays = SeverityPolicy.DEFAULT_EXPIRY_WINDOW_DAYS;

    public RdpHealthGlobalConfiguration() {
        load();
    }

    public static RdpHealthGlobalConfiguration get() {
        return GlobalConfiguration.all().getInstance(RdpHealthGlobalConfiguration.class);
    }

    public String getFailOn() {
        return failOn;
    }

    @DataBoundSetter
    public void setFailOn(String failOn) {
        Gate.parse(failOn, null); // rejects an unknown severity with a message naming it
        this.failOn = failOn.strip().toUpperCase(java.util.Locale.ROOT);
        save();
    }

    public String getUnstableOn() {
        return unstableOn;
    }

    @DataBoundSetter
    public void setUnstableOn(String unstableOn) {
        Gate.parse(null, unstableOn);
        this.unstableOn = unstableOn.strip().toUpperCase(java.util.Locale.ROOT);
        save();
    }

    public int getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    @DataBoundSetter
    public void setConnectTimeoutSeconds(int connectTimeoutSeconds) {
        this.connectTimeoutSeconds = Settings.positive("connectTimeoutSeconds", connectTimeoutSeconds);
        save();
    }

    public int getReadTimeoutSeconds() {
        return readTimeoutSeconds;
    }

    @DataBoundSetter
    public void setReadTimeoutSeconds(int readTimeoutSeconds) {
        this.readTimeoutSeconds = Settings.positive("readTimeoutSeconds", readTimeoutSeconds);
        save();
    }

    public int getTargetDeadlineSeconds() {
        return targetDeadlineSeconds;
    }

    @DataBoundSetter
    public void setTargetDeadlineSeconds(int targetDeadlineSeconds) {
        this.targetDeadlineSeconds = Settings.positive("targetDeadlineSeconds", targetDeadlineSeconds);
        save();
    }

    public int getParallelism() {
        return parallelism;
    }

    @DataBoundSetter
    public void setParallelism(int parallelism) {
        this.parallelism = Settings.positive("parallelism", parallelism);
        save();
    }

    public int getExpiryWindowDays() {
        return expiryWindowDays;
    }

    @DataBoundSetter
    public void setExpiryWindowDays(int expiryWindowDays) {
        this.expiryWindowDays = new SeverityPolicy(expiryWindowDays, java.util.Map.of()).expiryWindowDays();
        save();
    }

    @POST
    public FormValidation doCheckFailOn(@QueryParameter String value, @QueryParameter String unstableOn) {
        return Settings.checkThresholds(value, unstableOn);
    }

    @POST
    public FormValidation doCheckUnstableOn(@QueryParameter String value, @QueryParameter String failOn) {
        return Settings.checkThresholds(failOn, value);
    }
}
