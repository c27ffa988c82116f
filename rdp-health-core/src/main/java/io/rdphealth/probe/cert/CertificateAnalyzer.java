package io.rdphealth.probe.cert;

import io.rdphealth.evidence.CertificateEvidence;
import io.rdphealth.evidence.CertificateInfo;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A captured chain (DER, leaf first) to {@link CertificateEvidence}: decoded values, name match, trust. */
public final class CertificateAnalyzer {
    private final CertificateDecoder decoder = new CertificateDecoder();
    private final TrustChecker trust;

    public CertificateAnalyzer(TrustChecker trust) {
        this.trust = trust;
    }

    /**
     * @param nameUsed the host name or address the client connects to
     * @throws CertificateException when the leaf cannot be parsed (an undecodable chain is itself a finding)
     */
    public CertificateEvidence analyze(List<byte[]> chainDer, String nameUsed, Instant now) throws CertificateException {
        List<X509Certificate> chain = new ArrayList<>();
        List<CertificateInfo> infos = new ArrayList<>();
        for (byte[] der : chainDer) {
            X509Certificate certificate = decoder.parse(der);
            chain.add(certificate);
            infos.add(decoder.describe(certificate));
        }
        if (infos.isEmpty()) {
            throw new CertificateException("the server sent an empty certificate chain");
        }
        String untrusted = trust.whyUntrusted(chain, now);
        return new CertificateEvidence(infos, now, nameUsed, HostnameMatcher.matches(infos.get(0), nameUsed),
                untrusted == null, untrusted);
    }
}
