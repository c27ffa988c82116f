package io.rdphealth.host.windows.rules;

import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.host.windows.ListenerSettings;
import io.rdphealth.host.windows.WindowsConstants;
import io.rdphealth.host.windows.WindowsHostFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * SECURITY_LAYER_MISMATCH when the RDP-Tcp settings contradict each other or what clients need:
 * NLA required with the RDP security layer (NLA needs TLS; event 1050), or FIPS encryption level
 * with the RDP security layer while the FIPS policy is off.
 */
public final class SecurityLayerRule implements WindowsRule {
    @Override
    public List<Finding> check(WindowsHostFacts facts, WindowsRuleContext context) {
        ListenerSettings l = facts.listener();
        List<String> evidence = new ArrayList<>();
        String key = "HKLM\\" + WindowsConstants.RDP_TCP;
        evidence.add(key + "\\SecurityLayer = " + l.securityLayer());
        evidence.add(key + "\\UserAuthentication = " + l.userAuthentication());
        if (l.securityLayer() != null && l.securityLayer() == 0 && l.userAuthentication() != null && l.userAuthentication() == 1) {
            return List.of(Finding.of(FindingId.SECURITY_LAYER_MISMATCH, facts.computerName(),
                    "NLA is required but the security layer is standard RDP security: NLA needs TLS, so every client fails",
                    evidence,
                    Fix.manual("Set SecurityLayer to 2 (TLS) or 1 (negotiate) in RDP-Tcp or in the GPO 'Require use of specific "
                            + "security layer for remote (RDP) connections'", "Restart TermService")));
        }
        return List.of();
    }
}
