package io.rdphealth.probe;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdphealth.probe.gateway.GatewayProbeOptions;
import io.rdphealth.probe.legacy.StandardSecurityOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A wrong limit is refused with a message naming which one and its value. */
class OptionsValidationTest {
    @Test
    void eachOptionsTypeNamesTheBadTimeout() {
        assertThatThrownBy(() -> ProbeOptions.defaults().withReadTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("read timeout must be positive, was PT0S");
        assertThatThrownBy(() -> GatewayProbeOptions.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(-5))).hasMessage("overall timeout must be positive, was PT-5S");
        assertThatThrownBy(() -> StandardSecurityOptions.defaults().withTimeouts(null, Duration.ofSeconds(1),
                Duration.ofSeconds(1))).hasMessage("connect timeout must be positive, was null");
        assertThatThrownBy(() -> ProbeOptions.defaults().withParallelism(0)).hasMessageContaining("parallelism must be 1..4096");
    }
}
