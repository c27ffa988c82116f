package io.rdphealth.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.target.Target;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class LocalHostTest {
    @Test
    void loopbackLocalhostAndOwnNameAreThisHost() throws Exception {
        assertThat(LocalHost.isThisHost(Target.parse("127.0.0.1:3390", 3389))).isTrue();
        assertThat(LocalHost.isThisHost(Target.parse("[::1]:3390", 3389))).isTrue();
        assertThat(LocalHost.isThisHost(Target.parse("localhost", 3389))).isTrue();
        assertThat(LocalHost.isThisHost(Target.parse(InetAddress.getLocalHost().getHostName(), 3389))).isTrue();
    }

    @Test
    void otherHostsAreNotInspectedAsIfLocal() {
        assertThat(LocalHost.isThisHost(Target.parse("192.0.2.10", 3389))).isFalse();
        assertThat(LocalHost.isThisHost(Target.parse("rdp.example.com", 3389))).isFalse();
        assertThat(LocalHost.isThisHost(Target.parse("2001:db8::1", 3389))).isFalse();
    }
}
