package io.rdphealth.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdphealth.renew.RenewalPlatform;
import io.rdphealth.renew.RenewalRequest;
import io.rdphealth.target.Target;
import org.junit.jupiter.api.Test;

/** The one renewal-window rule and the one port rule, at their edges, named as the caller names them. */
class RenewalWindowTest {
    @Test
    void windowEdges() {
        assertThat(RenewalWindow.requireDays(0, "x")).isZero();
        assertThat(RenewalWindow.requireDays(3650, "x")).isEqualTo(3650);
        assertThatThrownBy(() -> RenewalWindow.requireDays(-1, "--renew-within"))
                .hasMessage("--renew-within must be 0..3650 days, was -1");
        assertThatThrownBy(() -> RenewalWindow.requireDays(3651, "renewWithinDays"))
                .hasMessage("renewWithinDays must be 0..3650 days, was 3651");
    }

    @Test
    void portEdgesAndTheParserUsesTheSameWording() {
        assertThat(Target.isValidPort(1)).isTrue();
        assertThat(Target.isValidPort(65535)).isTrue();
        assertThat(Target.isValidPort(0)).isFalse();
        assertThat(Target.isValidPort(65536)).isFalse();
        assertThatThrownBy(() -> Target.parse("host:65536", 3389)).hasMessageContaining(Target.portOutOfRange(65536));
    }

    @Test
    void aLibraryRequestUsesTheRule() {
        assertThatThrownBy(() -> new RenewalRequest(RenewalPlatform.XRDP, 0, 4000, false, false, null))
                .hasMessage("renewWithinDays must be 0..3650 days, was 4000");
        assertThatThrownBy(() -> new RenewalRequest(RenewalPlatform.XRDP, 70000, 30, false, false, null))
                .hasMessageContaining("1..65535 (or 0 for the configured one)");
    }
}
