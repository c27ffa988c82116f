package io.rdphealth.host.windows.rules;

import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.host.windows.WindowsConstants;
import io.rdphealth.host.windows.WindowsHostFacts;
import java.util.List;

/** CREDSSP_ORACLE_POLICY: "Force Updated Clients" (0) refuses unpatched peers; "Vulnerable" (2) is noted too. */
public final class CredSspRule implements WindowsRule {
    @Override
    public List<Finding> check(WindowsHostFacts facts, WindowsRuleContext context) {
        Integer oracle = facts.cryptoPolicy().credSspEncryptionOracle();
        if (oracle == null || oracle == 1) {
            return List.of();
        }
        String evidence = "HKLM\\" + WindowsConstants.CREDSSP_PARAMETERS + "\\AllowEncryptionOracle = " + oracle;
        if (oracle == 0) {
            return List.of(Finding.of(FindingId.CREDSSP_ORACLE_POLICY, facts.computerName(),
                    "CredSSP is set to Force Updated Clients: clients without the CVE-2018-0886 update fail NLA",
                    List.of(evidence), Fix.manual("Update the clients (recommended); the policy itself is the safe choice")));
        }
        return List.of(Finding.of(FindingId.CREDSSP_ORACLE_POLICY, facts.computerName(),
                "CredSSP is set to Vulnerable: the host accepts connections exposed to CVE-2018-0886",
                List.of(evidence), Fix.manual("Update all clients and servers, then set the policy 'Encryption Oracle Remediation' "
                        + "to Mitigated or Force Updated Clients")));
    }
}
