package io.rdphealth.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TargetTest {
    @ParameterizedTest
    @CsvSource({
        "rdp.example.com, rdp.example.com, 3389",
        "rdp.example.com:3390, rdp.example.com, 3390",
        "10.0.0.5, 10.0.0.5, 3389",
        "10.0.0.5:443, 10.0.0.5, 443",
        "'[2001:db8::1]:3390', 2001:db8::1, 3390",
        "'[::1]', ::1, 3389",
        "2001:db8::1, 2001:db8::1, 3389",
        "fe80::1%eth0, fe80::1%eth0, 3389",
        "HOST_1, HOST_1, 3389",
    })
    void parsesTheFormsUsersWrite(String input, String host, int port) {
        Target target = Target.parse(input, 3389);
        assertThat(target.host()).isEqualTo(host);
        assertThat(target.port()).isEqualTo(port);
        assertThat(target.input()).isEqualTo(input.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "host:", "host:0", "host:65536", "host:abc", "[::1", "[::1]x", "[host]:3389",
        "rdp://host", "bad host", ":3389", "a..b", "host:-1", "-host"})
    void namesWhatIsWrongWithBadTargets(String input) {
        assertThatThrownBy(() -> Target.parse(input, 3389))
                .isInstanceOf(InvalidTargetException.class)
                .hasMessageContaining("invalid target '");
    }

    @ParameterizedTest
    @CsvSource({"host, host:3389", "::1, '[::1]:3389'"})
    void authorityBracketsIpv6(String input, String authority) {
        assertThat(Target.parse(input, 3389).authority()).isEqualTo(authority);
    }
}
