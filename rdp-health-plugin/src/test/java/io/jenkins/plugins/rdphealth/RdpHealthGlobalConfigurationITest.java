package io.jenkins.plugins.rdphealth;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.casc.ConfigurationAsCode;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Global defaults: the form round trip and Configuration as Code (import and export). */
@WithJenkinsConfiguredWithCode
class RdpHealthGlobalConfigurationITest {
    @Test
    void formRoundTripKeepsTheValues(JenkinsConfiguredWithCodeRule j) throws Exception {
        RdpHealthGlobalConfiguration configuration = RdpHealthGlobalConfiguration.get();
        configuration.setFailOn("CRITICAL");
        configuration.setUnstableOn("ERROR");
        configuration.setParallelism(3);
        configuration.setExpiryWindowDays(14);

        j.configRoundtrip();

        RdpHealthGlobalConfiguration reloaded = RdpHealthGlobalConfiguration.get();
        assertThat(reloaded.getFailOn()).isEqualTo("CRITICAL");
        assertThat(reloaded.getUnstableOn()).isEqualTo("ERROR");
        assertThat(reloaded.getParallelism()).isEqualTo(3);
        assertThat(reloaded.getExpiryWindowDays()).isEqualTo(14);
    }

    @Test
    @ConfiguredWithCode("configuration-as-code.yml")
    void configurationAsCodeSetsAndExportsTheDefaults(JenkinsConfiguredWithCodeRule j) throws Exception {
        RdpHealthGlobalConfiguration configuration = RdpHealthGlobalConfiguration.get();
        assertThat(configuration.getFailOn()).isEqualTo("CRITICAL");
        assertThat(configuration.getUnstableOn()).isEqualTo("NONE");
        assertThat(configuration.getConnectTimeoutSeconds()).isEqualTo(2);
        assertThat(configuration.getTargetDeadlineSeconds()).isEqualTo(20);

        ByteArrayOutputStream export = new ByteArrayOutputStream();
        ConfigurationAsCode.get().export(export);
        assertThat(export.toString(StandardCharsets.UTF_8)).contains("rdpHealth:", "failOn: \"CRITICAL\"");
    }
}
