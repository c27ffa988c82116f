package io.rdphealth.explain;

import static io.rdphealth.finding.FindingId.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodeExplainerTest {
    private final CodeExplainer explainer = new CodeExplainer();

    @Test
    void socketClosedWithServerDeniedNamesBothCodesTheErrInfoTwinAndTheClassicCauses() {
        Explanation e = explainer.explain("0x904", "0x7");

        assertThat(e.reason().name()).isEqualTo("disconnectReasonAtClientWinsockFDCLOSE");
        assertThat(e.extended().name()).isEqualTo("exDiscReasonServerDeniedConnection");
        assertThat(e.errorInfo().name()).isEqualTo("ERRINFO_SERVER_DENIED_CONNECTION");
        assertThat(e.reading()).contains("socket was closed").contains("refused");
        assertThat(e.causes()).startsWith(NEG_CERT_NOT_ON_SERVER, TLS_HANDSHAKE_FAILED, CONNECTION_DROPPED, TLS_DOWNGRADED_TO_RDP)
                .contains(CERT_KEY_ACCESS_DENIED, CERT_KEY_MISSING, MACHINEKEYS_ACL_BROKEN, SCHANNEL_TLS12_DISABLED,
                        CIPHER_POLICY_RESTRICTIVE, FIREWALL_RULE_BLOCKING, XRDP_KEY_UNREADABLE, GATEWAY_TLS_FAILED)
                .doesNotContain(TCP_REFUSED, TCP_TIMEOUT, DNS_UNRESOLVED);
        assertThat(e.checks()).containsExactly(Check.WIRE_PROBE, Check.INSPECT_WINDOWS, Check.INSPECT_XRDP, Check.GATEWAY_PROBE);
    }

    @Test
    void decimalAndHexGiveTheSameExplanation() {
        assertThat(explainer.explain("2308", "7")).isEqualTo(explainer.explain("0x904", "0x00000007"));
        assertThat(explainer.explain("0x904", null).causes()).isEqualTo(explainer.explain("0x904", "0x7").causes());
    }

    @Test
    void timeoutAndNameFailuresPointAtTheirOwnStages() {
        assertThat(explainer.explain(0x108).causes()).contains(TCP_TIMEOUT, FIREWALL_RULE_BLOCKING, FIREWALL_RULE_DISABLED)
                .doesNotContain(NEG_CERT_NOT_ON_SERVER);
        for (long dns : new long[] {0x104, 0x208, 0x508, 0x604}) {
            assertThat(explainer.explain(dns).causes()).containsExactly(DNS_UNRESOLVED);
            assertThat(explainer.explain(dns).checks()).containsExactly(Check.WIRE_PROBE);
        }
        assertThat(explainer.explain(0x204).causes()).contains(TCP_REFUSED, XRDP_NOT_RUNNING, RDP_DISABLED, SERVICE_NOT_RUNNING);
    }

    @Test
    void anExtendedReasonThatSaysMoreReplacesTheSocketLevelCauses() {
        Explanation idle = explainer.explain(0x904, 3L);
        assertThat(idle.extended().name()).isEqualTo("exDiscReasonServerIdleTimeout");
        assertThat(idle.causes()).isEmpty();
        assertThat(idle.checks()).isEmpty();

        Explanation noInfo = explainer.explain(0x904, 0L);
        assertThat(noInfo.extended().name()).isEqualTo("exDiscReasonNoInfo");
        assertThat(noInfo.causes()).contains(NEG_CERT_NOT_ON_SERVER);

        Explanation licensing = explainer.explain(0x3, 258L);
        assertThat(licensing.extended().name()).isEqualTo("exDiscReasonLicenseNoLicense");
        assertThat(licensing.errorInfo().name()).isEqualTo("ERRINFO_LICENSE_NO_LICENSE");
        assertThat(licensing.reading()).contains("licensing");
        assertThat(licensing.causes()).isEmpty();
    }

    @Test
    void protocolRangeAndBrokerCodesAreDecodedThroughErrInfo() {
        Explanation inRange = explainer.explain(0x3, 0x10D3L);
        assertThat(inRange.extended().name()).isEqualTo("exDiscReasonProtocolRangeStart+211");
        assertThat(inRange.errorInfo().name()).isEqualTo("ERRINFO_CONNECTFAILED");
        assertThat(inRange.causes()).containsExactly(EVENT_LOG_EVIDENCE);

        Explanation unnamedInRange = explainer.explain(0x3, 0x2000L);
        assertThat(unnamedInRange.extended()).isNotNull();
        assertThat(unnamedInRange.errorInfo()).isNull();

        Explanation broker = explainer.explain(0x3, 0x408L);
        assertThat(broker.extended()).isNull();
        assertThat(broker.errorInfo().name()).isEqualTo("ERRINFO_CB_DESTINATION_POOL_NOT_FREE");
        assertThat(broker.reading()).contains("Connection Broker");
    }

    @Test
    void unknownCodesAreRefusedWithAHint() {
        assertThatThrownBy(() -> explainer.explain("904", null)).isInstanceOf(InvalidCodeException.class)
                .hasMessageContaining("'904' = 0x388 (904) is not in the IMsTscAxEvents::OnDisconnected discReason list")
                .hasMessageContaining("did you mean 0x904 (disconnectReasonAtClientWinsockFDCLOSE)?");
        assertThatThrownBy(() -> explainer.explain("0x7", null)).isInstanceOf(InvalidCodeException.class)
                .hasMessageContaining("exDiscReasonServerDeniedConnection")
                .hasMessageContaining("explain 0x904 0x7");
        assertThatThrownBy(() -> explainer.explain("0x904", "0x50")).isInstanceOf(InvalidCodeException.class)
                .hasMessageContaining("EXTENDED 0x50 (80) is neither");
        assertThatThrownBy(() -> explainer.explain(0xFFFF)).isInstanceOf(InvalidCodeException.class)
                .hasMessageContaining("0xFFFF");
    }
}
