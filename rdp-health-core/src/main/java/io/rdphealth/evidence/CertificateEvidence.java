package io.rdphealth.evidence;

import java.time.Instant;
import java.util.List;

/**
 * The server's certificate chain and what was checked about it.
 *
 * @param chain           leaf first, as sent
 * @param checkedAt       the instant validity and days left refer to
 * @param nameChecked     the host name or address the client uses
 * @param hostnameMatches whether a SAN (or the CN when there are no SANs) matches {@code nameChecked}
 * @param trusted         whether the chain builds to a trust anchor of the given trust store
 * @param trustDetail     why it is not trusted (path building error), or {@code null}
 */
public record CertificateEvidence(
        List<CertificateInfo> chain,
        Instant checkedAt,
        String nameChecked,
        boolean hostnameMatches,
        boolean trusted,
        String trustDetail) {

    public CertificateEvidence {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain has at least the leaf");
        }
    }

    public CertificateInfo leaf() {
        return chain.get(0);
    }

    public long daysLeft() {
        return leaf().daysLeft(checkedAt);
    }
}
