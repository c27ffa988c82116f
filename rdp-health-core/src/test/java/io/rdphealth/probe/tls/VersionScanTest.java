package io.rdphealth.probe.tls;

import static io.rdphealth.evidence.TlsVersion.TLS_1_0;
import static io.rdphealth.evidence.TlsVersion.TLS_1_1;
import static io.rdphealth.evidence.TlsVersion.TLS_1_2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdphealth.evidence.TlsVersion;
import io.rdphealth.evidence.TlsVersionResult;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VersionScanTest {
    private static final Set<TlsVersion> LEGACY = EnumSet.of(TLS_1_0, TLS_1_1);

    @Test
    void highestOfferedChosenLeavesTheLowerOnesToAsk() {
        VersionScan scan = VersionScan.interpret(LEGACY, TLS_1_1, null);
        assertThat(scan.results()).containsExactly(new TlsVersionResult(TLS_1_1, true, null));
        assertThat(scan.unknown()).containsExactly(TLS_1_0);
    }

    @Test
    void lowerVersionChosenRefusesTheHigherOnesAndAnswersForAll() {
        VersionScan scan = VersionScan.interpret(LEGACY, TLS_1_0, null);
        assertThat(scan.results()).containsExactly(new TlsVersionResult(TLS_1_0, true, null),
                new TlsVersionResult(TLS_1_1, false, "the server chose TLSv1 when TLSv1, TLSv1.1 were offered"));
        assertThat(scan.unknown()).isEmpty();
    }

    @Test
    void noHelloRefusesEveryOfferedVersionWithTheReason() {
        VersionScan scan = VersionScan.interpret(LEGACY, null, "TLS alert protocol_version (70)");
        assertThat(scan.results()).containsExactly(new TlsVersionResult(TLS_1_0, false, "TLS alert protocol_version (70)"),
                new TlsVersionResult(TLS_1_1, false, "TLS alert protocol_version (70)"));
        assertThat(scan.unknown()).isEmpty();
    }

    @Test
    void aVersionNotOfferedIsAnAnswerForNone() {
        VersionScan scan = VersionScan.interpret(EnumSet.of(TLS_1_2), TLS_1_0, null);
        assertThat(scan.results()).containsExactly(
                new TlsVersionResult(TLS_1_2, false, "the server answered with TLSv1, which was not offered"));
        assertThat(scan.unknown()).isEmpty();
    }

    @Test
    void singleVersionScanIsAnsweredOutright() {
        assertThat(VersionScan.interpret(EnumSet.of(TLS_1_2), TLS_1_2, null).results())
                .containsExactly(new TlsVersionResult(TLS_1_2, true, null));
        assertThat(VersionScan.interpret(EnumSet.of(TLS_1_0), null, "connection reset").results())
                .containsExactly(new TlsVersionResult(TLS_1_0, false, "connection reset"));
    }

    @Test
    void emptyOfferIsRefused() {
        assertThatThrownBy(() -> VersionScan.interpret(Set.of(), null, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one version");
    }
}
