package io.rdphealth.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The tables against the numbers as Microsoft publishes them (decimal next to hex), and their invariants. */
class DisconnectCodeTablesTest {

    @Test
    void socketClosedIs0x904AndServerDeniedIs0x7InBothServerLists() {
        DisconnectCode reason = DisconnectReasons.TABLE.find(2308).orElseThrow();
        assertThat(reason.name()).isEqualTo("disconnectReasonAtClientWinsockFDCLOSE");
        assertThat(reason.hex()).isEqualTo("0x904");
        assertThat(reason.meaning()).containsIgnoringCase("socket");

        DisconnectCode extended = ExtendedReasons.TABLE.find(0x7).orElseThrow();
        assertThat(extended.name()).isEqualTo("exDiscReasonServerDeniedConnection");
        assertThat(ErrorInfoCodes.TABLE.find(0x7).orElseThrow().name()).isEqualTo("ERRINFO_SERVER_DENIED_CONNECTION");
    }

    /** Decimal values as printed on the OnDisconnected page ("name (decimal (hex))"). */
    static Stream<Arguments> publishedReasons() {
        return Stream.of(
                Arguments.of("disconnectReasonByServer", 3),
                Arguments.of("disconnectReasonDNSLookupFailed", 260),
                Arguments.of("disconnectReasonConnectionTimedOut", 264),
                Arguments.of("disconnectReasonSocketConnectFailed", 516),
                Arguments.of("disconnectReasonHostNotFound", 520),
                Arguments.of("disconnectReasonSocketRecvFailed", 1028),
                Arguments.of("disconnectReasonDNSLookupFailed2", 1288),
                Arguments.of("disconnectReasonGetHostByNameFailed", 1540),
                Arguments.of("disconnectReasonServerCertificateUnpackErr", 1798),
                Arguments.of("disconnectReasonLicensingFailed", 2056),
                Arguments.of("disconnectReasonAtClientWinsockFDCLOSE", 2308),
                Arguments.of("disconnectReasonInternalSecurityError", 2310),
                Arguments.of("disconnectReasonClientDecompressionError", 3080),
                Arguments.of("SSL_ERR_LOGON_FAILURE", 2055),
                Arguments.of("SSL_ERR_PASSWORD_MUST_CHANGE", 4615),
                Arguments.of("SSL_ERR_CERT_EXPIRED", 6919),
                Arguments.of("SSL_ERR_SMARTCARD_CARD_BLOCKED", 8711));
    }

    @ParameterizedTest
    @MethodSource("publishedReasons")
    void reasonValuesMatchThePublishedDecimals(String name, long decimal) {
        assertThat(DisconnectReasons.TABLE.find(decimal)).get().extracting(DisconnectCode::name).isEqualTo(name);
    }

    @Test
    void reasonListIsCompleteAsPublished() {
        // 32 disconnectReason* entries and 15 SSL_ERR_* entries on the page.
        assertThat(DisconnectReasons.TABLE.all()).filteredOn(c -> c.name().startsWith("disconnectReason")).hasSize(32);
        assertThat(DisconnectReasons.TABLE.all()).filteredOn(c -> c.name().startsWith("SSL_ERR_")).hasSize(15);
        assertThat(DisconnectReasons.TABLE.size()).isEqualTo(47);
    }

    @Test
    void extendedListIsCompleteAsPublished() {
        assertThat(ExtendedReasons.TABLE.all()).extracting(DisconnectCode::value).containsExactly(
                0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L,
                256L, 257L, 258L, 259L, 260L, 261L, 262L, 263L, 264L, 265L, 266L, 267L,
                768L, 4096L, 32767L);
        assertThat(ExtendedReasons.TABLE.find(12).orElseThrow().name()).isEqualTo("exDiscReasonLogoffByUser");
        assertThat(ExtendedReasons.inProtocolRange(4096)).isTrue();
        assertThat(ExtendedReasons.inProtocolRange(32767)).isTrue();
        assertThat(ExtendedReasons.inProtocolRange(32768)).isFalse();
        assertThat(ExtendedReasons.inProtocolRange(4095)).isFalse();
    }

    @Test
    void sessionExtendedReasonsShareTheirNumbersWithErrInfoCodes() {
        // The client forwards the server's errorInfo as its extended reason: 0..12 (but 8) match one to one.
        Map<Long, String> twins = Map.of(1L, "ERRINFO_RPC_INITIATED_DISCONNECT", 3L, "ERRINFO_IDLE_TIMEOUT",
                7L, "ERRINFO_SERVER_DENIED_CONNECTION", 9L, "ERRINFO_SERVER_INSUFFICIENT_PRIVILEGES",
                12L, "ERRINFO_LOGOFF_BY_USER", 0x100L, "ERRINFO_LICENSE_INTERNAL", 0x10AL, "ERRINFO_LICENSE_NO_REMOTE_CONNECTIONS");
        twins.forEach((value, name) -> {
            assertThat(ExtendedReasons.TABLE.find(value)).isPresent();
            assertThat(ErrorInfoCodes.TABLE.find(value)).get().extracting(DisconnectCode::name).isEqualTo(name);
        });
    }

    @Test
    void errInfoRdpSpecificCodesSitInsideTheExtendedProtocolRange() {
        List<DisconnectCode> rdpSpecific = ErrorInfoCodes.TABLE.all().stream().filter(c -> c.value() >= 0x1000).toList();
        assertThat(rdpSpecific).isNotEmpty().allSatisfy(c -> assertThat(ExtendedReasons.inProtocolRange(c.value())).isTrue());
        assertThat(ErrorInfoCodes.TABLE.find(0x10D3)).get().extracting(DisconnectCode::name).isEqualTo("ERRINFO_CONNECTFAILED");
    }

    @Test
    void namesFollowEachListsConventionAndAreUnique() {
        assertThat(DisconnectReasons.TABLE.all()).allSatisfy(c ->
                assertThat(c.name()).matches("disconnectReason\\w+|SSL_ERR_[A-Z_]+"));
        assertThat(ExtendedReasons.TABLE.all()).allSatisfy(c -> assertThat(c.name()).startsWith("exDiscReason"));
        assertThat(ErrorInfoCodes.TABLE.all()).allSatisfy(c -> assertThat(c.name()).matches("ERRINFO_[A-Z0-9_]+"));
        for (CodeTable table : List.of(DisconnectReasons.TABLE, ExtendedReasons.TABLE, ErrorInfoCodes.TABLE)) {
            assertThat(table.all()).extracting(DisconnectCode::name).doesNotHaveDuplicates();
            assertThat(table.all()).allSatisfy(c -> assertThat(c.list()).isEqualTo(table.list()));
            assertThat(table.all()).allSatisfy(c -> assertThat(c.meaning()).isNotBlank());
        }
    }

    @Test
    void everyDisconnectReasonHasACauseRule() {
        for (DisconnectCode code : DisconnectReasons.TABLE.all()) {
            assertThatCode(() -> LikelyCauses.forReason(code.value())).as(code.name()).doesNotThrowAnyException();
        }
    }

    @Test
    void tableRejectsDuplicatesAndForeignEntries() {
        DisconnectCode a = new DisconnectCode(CodeList.ERROR_INFO, 1, "A", "a");
        DisconnectCode b = new DisconnectCode(CodeList.ERROR_INFO, 1, "B", "b");
        assertThatCode(() -> new CodeTable(CodeList.ERROR_INFO, List.of(a, b)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate value 0x1");
        assertThatCode(() -> new CodeTable(CodeList.EXTENDED_REASON, List.of(a)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belongs to ERROR_INFO");
    }
}
