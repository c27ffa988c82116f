package io.rdphealth.host.windows.rules;

import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.host.windows.CryptoPolicy;
import io.rdphealth.host.windows.WindowsConstants;
import io.rdphealth.host.windows.WindowsHostFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CIPHER_POLICY_RESTRICTIVE when a cipher-suite order policy is set and lists none of the suites
 * current RDP clients (mstsc, FreeRDP, macOS/iOS/Android clients) offer.
 */
public final class CipherPolicyRule implements WindowsRule {
    /** Suites every current RDP client offers (TLS 1.2 ECDHE-RSA/ECDSA with AES-GCM, TLS 1.3 AES-GCM). */
    public static final Set<String> COMMON_CLIENT_SUITES = Set.of(
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256");

    @Override
    public List<Finding> check(WindowsHostFacts facts, WindowsRuleContext context) {
        CryptoPolicy p = facts.cryptoPolicy();
        List<String> suites = p.cipherSuiteOrder();
        if (suites == null) {
            return List.of();
        }
        boolean shared = suites.stream().map(s -> stripCurve(s.toUpperCase(Locale.ROOT))).anyMatch(COMMON_CLIENT_SUITES::contains);
        if (shared) {
            return List.of();
        }
        List<String> evidence = new ArrayList<>();
        evidence.add("HKLM\\" + WindowsConstants.CIPHER_POLICY + "\\Functions = " + String.join(",", suites));
        evidence.add("none of " + COMMON_CLIENT_SUITES.size() + " suites current RDP clients offer is listed");
        if (p.fipsEnabled()) {
            evidence.add("FIPS algorithm policy is enabled (further restricts suites)");
        }
        return List.of(Finding.of(FindingId.CIPHER_POLICY_RESTRICTIVE, facts.computerName(),
                "The cipher-suite policy leaves no suite current RDP clients share: the TLS handshake fails (event 36874)",
                evidence,
                Fix.manual("Edit the GPO 'SSL Cipher Suite Order' (Computer Configuration > Administrative Templates > Network > "
                                + "SSL Configuration Settings) to include TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 and TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                        "Run gpupdate /force and reboot")));
    }

    /** Old Windows policies append the curve ("_P256"); the suite is the same. */
    private static String stripCurve(String suite) {
        return suite.replaceAll("_P(256|384|521)$", "");
    }
}
