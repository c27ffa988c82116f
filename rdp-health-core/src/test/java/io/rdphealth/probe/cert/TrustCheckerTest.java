package io.rdphealth.probe.cert;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.testing.CertificateSpec;
import io.rdphealth.testing.MintedCertificate;
import io.rdphealth.testing.TestPki;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/**
 * The checker hands PKIX only the anchors named as the path's issuer (and answers a chain no
 * anchor issued without PKIX). Each case compares its answer, word for word, with PKIX validating
 * against the whole trust store: the shortcut must not change a verdict or a reason.
 */
class TrustCheckerTest {
    private static final Instant NOW = Instant.now();
    private static final MintedCertificate CHAIN = TestPki.caSignedChain(CertificateSpec.valid());

    @Test
    void selfSignedCertificateIsUntrustedByTheJvmStoreForThePkixReason() throws Exception {
        List<X509Certificate> chain = TestPki.selfSigned(CertificateSpec.valid()).fullChain();
        String answer = new TrustChecker(null).whyUntrusted(chain, NOW);
        assertThat(answer).isEqualTo(TrustChecker.NO_ANCHOR).isEqualTo(pkix(jvmStore(), chain));
    }

    @Test
    void chainOfAnUnknownRootIsUntrustedForThePkixReason() throws Exception {
        String answer = new TrustChecker(null).whyUntrusted(CHAIN.fullChain(), NOW);
        assertThat(answer).isEqualTo(TrustChecker.NO_ANCHOR).isEqualTo(pkix(jvmStore(), CHAIN.fullChain()));
    }

    @Test
    void chainToAStoredRootIsTrustedWithOrWithoutTheRootSent() throws Exception {
        KeyStore store = storeWith(CHAIN.trustAnchor());
        List<X509Certificate> withRoot = new ArrayList<>(CHAIN.fullChain());
        withRoot.add(CHAIN.trustAnchor());
        TrustChecker checker = new TrustChecker(store);
        assertThat(checker.whyUntrusted(CHAIN.fullChain(), NOW)).isNull();
        assertThat(checker.whyUntrusted(withRoot, NOW)).isNull();
        assertThat(pkix(store, CHAIN.fullChain())).isNull();
    }

    @Test
    void chainMissingItsIntermediateIsUntrustedForThePkixReason() throws Exception {
        KeyStore store = storeWith(CHAIN.trustAnchor());
        List<X509Certificate> leafOnly = List.of(CHAIN.certificate());
        String answer = new TrustChecker(store).whyUntrusted(leafOnly, NOW);
        assertThat(answer).isEqualTo(TrustChecker.NO_ANCHOR).isEqualTo(pkix(store, leafOnly));
    }

    @Test
    void expiredLeafOfAStoredRootIsUntrustedForThePkixReason() throws Exception {
        MintedCertificate expired = TestPki.caSignedChain(CertificateSpec.expired());
        KeyStore store = storeWith(expired.trustAnchor());
        String answer = new TrustChecker(store).whyUntrusted(expired.fullChain(), NOW);
        assertThat(answer).isNotNull().isNotEqualTo(TrustChecker.NO_ANCHOR).isEqualTo(pkix(store, expired.fullChain()));
    }

    @Test
    void leafSignedByAnImpostorWithTheRootsNameIsUntrustedForThePkixReason() throws Exception {
        // Same subject name as the stored root, another key: the name index hands PKIX the real root,
        // which PKIX then refuses (the key identifiers differ), exactly as against the whole store.
        X509Certificate root = CHAIN.trustAnchor();
        MintedCertificate impostor = TestPki.selfSigned(CertificateSpec.valid().toBuilder()
                .subjectCommonName(commonName(root)).dnsNames(List.of()).ipAddresses(List.of()).serverAuth(false)
                .certificateAuthority(true).build());
        assertThat(impostor.certificate().getSubjectX500Principal()).isEqualTo(root.getSubjectX500Principal());
        List<X509Certificate> chain = TestPki.signedBy(CertificateSpec.valid(), impostor).fullChain();
        KeyStore store = storeWith(root);
        String answer = new TrustChecker(store).whyUntrusted(chain, NOW);
        assertThat(answer).isNotNull().isEqualTo(pkix(store, chain));
    }

    @Test
    void selfSignedCertificateInTheStoreIsTrusted() throws Exception {
        MintedCertificate pinned = TestPki.selfSigned(CertificateSpec.valid());
        assertThat(new TrustChecker(storeWith(pinned.certificate())).whyUntrusted(pinned.fullChain(), NOW)).isNull();
    }

    @Test
    void emptyChainAndEmptyStoreSayWhat() throws Exception {
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);
        assertThat(new TrustChecker(null).whyUntrusted(List.of(), NOW)).isEqualTo("no certificate");
        assertThat(new TrustChecker(empty).whyUntrusted(CHAIN.fullChain(), NOW)).isEqualTo("the trust store is empty");
    }

    private static String commonName(X509Certificate certificate) {
        String name = certificate.getSubjectX500Principal().getName();
        int start = name.indexOf("CN=") + 3;
        int end = name.indexOf(',', start);
        return end < 0 ? name.substring(start) : name.substring(start, end);
    }

    private static KeyStore storeWith(X509Certificate anchor) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("anchor", anchor);
        return store;
    }

    private static KeyStore jvmStore() {
        return null;
    }

    /** The reference: PKIX against every anchor of the store (what the checker did before the index). */
    private static String pkix(KeyStore trustStore, List<X509Certificate> chain) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trustStore);
        Set<TrustAnchor> anchors = new HashSet<>();
        Set<X509Certificate> certificates = new HashSet<>();
        for (var manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                for (X509Certificate issuer : x509.getAcceptedIssuers()) {
                    anchors.add(new TrustAnchor(issuer, null));
                    certificates.add(issuer);
                }
            }
        }
        List<X509Certificate> path = new ArrayList<>(chain);
        while (path.size() > 1 && certificates.contains(path.get(path.size() - 1))) {
            path.remove(path.size() - 1);
        }
        PKIXParameters parameters = new PKIXParameters(anchors);
        parameters.setRevocationEnabled(false);
        parameters.setDate(Date.from(NOW));
        try {
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            return null;
        } catch (CertPathValidatorException e) {
            return e.getReason() + ": " + e.getMessage();
        }
    }
}
