package io.rdphealth.host.windows;

import java.util.List;

/**
 * Policies that restrict the cryptography TermService can use. Raw values; {@code null} = absent.
 *
 * @param cipherSuiteOrder       {@code ...\Cryptography\Configuration\SSL\00010002\Functions}, split at commas;
 *                               {@code null} when no cipher-suite policy is set
 * @param credSspEncryptionOracle {@code ...\CredSSP\Parameters\AllowEncryptionOracle}: 0 force updated, 1 mitigated, 2 vulnerable
 * @param fipsAlgorithmPolicy    {@code Lsa\FIPSAlgorithmPolicy\Enabled}
 */
public record CryptoPolicy(List<String> cipherSuiteOrder, Integer credSspEncryptionOracle, Integer fipsAlgorithmPolicy) {
    public CryptoPolicy {
        cipherSuiteOrder = cipherSuiteOrder == null ? null : List.copyOf(cipherSuiteOrder);
    }

    public boolean fipsEnabled() {
        return fipsAlgorithmPolicy != null && fipsAlgorithmPolicy != 0;
    }
}
