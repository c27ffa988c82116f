package io.jenkins.plugins.rdphealth;

/** Icon paths of the plugin's actions. */
final class RdpHealthIcons {
    /** Served from the plugin's webapp folder. */
    static final String ICON = "/plugin/rdp-health/icons/rdp-health.svg";

    private RdpHealthIcons() {
    }
}
