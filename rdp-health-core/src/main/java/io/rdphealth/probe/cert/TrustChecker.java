package io.rdphealth.probe.cert;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * Whether a chain builds to a trust anchor of a trust store (the JVM's by default). Reported,
 * never required: a probe of an untrusted server goes on.
 */
public final class TrustChecker {
    /** What PKIX says when no anchor issued the path's last certificate (kept word for word). */
    static final String NO_ANCHOR = "NO_TRUST_ANCHOR: Path does not chain with any of the trust anchors";

    private final Set<TrustAnchor> anchors;
    private final Set<X509Certificate> anchorCertificates;
    /**
     * The anchors by subject. PKIX only ever pairs the path's last certificate with an anchor whose
     * subject is its issuer; handing it the few with that subject instead of the whole store (some
     * 150 roots, each matched by name and key identifier) was 3 % of a 1000-target run's CPU, and
     * a self-signed RDP certificate (the common case) needs no path validation at all.
     */
    private final Map<X500Principal, Set<TrustAnchor>> anchorsBySubject;

    /** @param trustStore the trust store, or {@code null} for the JVM's default trust store */
    public TrustChecker(KeyStore trustStore) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            Set<TrustAnchor> found = new HashSet<>();
            Set<X509Certificate> certificates = new HashSet<>();
            for (var manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    for (X509Certificate issuer : x509.getAcceptedIssuers()) {
                        found.add(new TrustAnchor(issuer, null));
                        certificates.add(issuer);
                    }
                }
            }
            anchors = Set.copyOf(found);
            anchorCertificates = Set.copyOf(certificates);
            Map<X500Principal, Set<TrustAnchor>> bySubject = new HashMap<>();
            for (TrustAnchor anchor : anchors) {
                bySubject.computeIfAbsent(anchor.getTrustedCert().getSubjectX500Principal(), subject -> new HashSet<>())
                        .add(anchor);
            }
            bySubject.replaceAll((subject, set) -> Set.copyOf(set));
            anchorsBySubject = Map.copyOf(bySubject);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the trust store: " + e.getMessage(), e);
        }
    }

    /** {@code null} when trusted, else why not. */
    public String whyUntrusted(List<X509Certificate> chain, Instant at) {
        if (chain.isEmpty()) {
            return "no certificate";
        }
        if (anchorCertificates.contains(chain.get(0))) {
            return null;
        }
        if (anchors.isEmpty()) {
            return "the trust store is empty";
        }
        List<X509Certificate> path = new ArrayList<>(chain);
        // The anchor itself must not be part of the path; servers often send their root anyway.
        while (path.size() > 1 && anchorCertificates.contains(path.get(path.size() - 1))) {
            path.remove(path.size() - 1);
        }
        Set<TrustAnchor> candidates = anchorsBySubject.getOrDefault(
                path.get(path.size() - 1).getIssuerX500Principal(), Set.of());
        if (candidates.isEmpty()) {
            return NO_ANCHOR;
        }
        try {
            PKIXParameters parameters = new PKIXParameters(candidates);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            return null;
        } catch (CertPathValidatorException e) {
            return e.getReason() + ": " + e.getMessage();
        } catch (GeneralSecurityException e) {
            return e.getMessage();
        }
    }
}
