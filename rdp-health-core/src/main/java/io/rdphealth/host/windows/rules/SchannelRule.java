package io.rdphealth.host.windows.rules;

import io.rdphealth.evidence.TlsVersion;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.host.windows.SchannelProtocol;
import io.rdphealth.host.windows.WindowsFixNames;
import io.rdphealth.host.windows.WindowsHostFacts;
import java.util.List;

/** SCHANNEL_TLS12_DISABLED when TLS 1.2 server is turned off in the registry. */
public final class SchannelRule implements WindowsRule {
    @Override
    public List<Finding> check(WindowsHostFacts facts, WindowsRuleContext context) {
        SchannelProtocol tls12 = facts.schannel(TlsVersion.TLS_1_2);
        if (tls12 == null || !tls12.explicitlyDisabled()) {
            return List.of();
        }
        String key = "HKLM\\" + SchannelProtocol.registryKey(TlsVersion.TLS_1_2);
        SchannelProtocol tls13 = facts.schannel(TlsVersion.TLS_1_3);
        String tail = tls13 != null && tls13.enabled() != null && tls13.enabled() != 0 && !tls13.explicitlyDisabled()
                ? " (TLS 1.3 is enabled, but RDP clients before Windows 11 cannot use it)"
                : ": clients that need TLS 1.2 fail with 0x904/0x7";
        return List.of(Finding.of(FindingId.SCHANNEL_TLS12_DISABLED, facts.computerName(),
                "TLS 1.2 is disabled for servers in SCHANNEL" + tail,
                List.of(key + "\\Enabled = " + tls12.enabled(), key + "\\DisabledByDefault = " + tls12.disabledByDefault()),
                Fix.automated(WindowsFixNames.ENABLE_TLS12,
                        "Set Enabled = 1 and DisabledByDefault = 0 under " + key + " (rdphealth fix enable-tls12)",
                        "Reboot the host: SCHANNEL reads these values at boot")));
    }
}
