package io.rdphealth.probe;

import static io.rdphealth.probe.ProbeRun.check;
import static io.rdphealth.probe.ProbeRun.ids;
import static io.rdphealth.probe.ProbeRun.wire;
import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.evidence.TlsVersion;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Severity;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.report.HealthState;
import io.rdphealth.report.TargetResult;
import io.rdphealth.testing.CertificateSpec;
import io.rdphealth.testing.MintedCertificate;
import io.rdphealth.testing.TestPki;
import io.rdphealth.testing.XrdpServer;
import io.rdphealth.testing.XrdpServer.SecurityLayer;
import io.rdphealth.wire.SecurityProtocol;
import java.io.ByteArrayInputStream;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Each certificate defect, served by a real xrdp (negotiate layer), yields its finding. */
class XrdpCertificateProbeTest {

    private static TargetResult probe(MintedCertificate certificate) {
        try (XrdpServer server = XrdpServer.builder().certificate(certificate).weakTlsAllowed().start()) {
            return check(server.port());
        }
    }

    @Test
    void validSelfSignedCertificateIsDecodedCompletelyAndYieldsNoError() throws Exception {
        MintedCertificate minted = TestPki.selfSigned(CertificateSpec.valid());
        TargetResult result = probe(minted);
        CertificateInfo leaf = wire(result).certificate().leaf();
        X509Certificate expected = minted.certificate();
        assertThat(leaf.sha1()).isEqualTo(HexFormat.of().withUpperCase().formatHex(
                java.security.MessageDigest.getInstance("SHA-1").digest(expected.getEncoded())));
        assertThat(leaf.sha256()).hasSize(64);
        assertThat(leaf.subject()).isEqualTo(expected.getSubjectX500Principal().getName());
        assertThat(leaf.serialHex()).isEqualToIgnoringCase(expected.getSerialNumber().toString(16));
        assertThat(leaf.notAfter()).isEqualTo(expected.getNotAfter().toInstant());
        assertThat(leaf.subjectAltNames()).contains("localhost", "127.0.0.1");
        assertThat(leaf.keyAlgorithm()).isEqualTo("RSA");
        assertThat(leaf.keyBits()).isEqualTo(2048);
        assertThat(leaf.signatureAlgorithm()).isEqualTo("SHA256withRSA");
        assertThat(leaf.extendedKeyUsages()).contains(CertificateInfo.SERVER_AUTH_EKU);
        assertThat(leaf.selfSigned()).isTrue();
        assertThat(wire(result).certificate().hostnameMatches()).isTrue();
        assertThat(result.certificateDaysLeft()).isBetween(360L, 366L);
        assertThat(wire(result).tls().version()).isIn(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3);
        assertThat(wire(result).tls().cipherSuite()).startsWith("TLS_");
        assertThat(ids(result)).contains(FindingId.CERT_SELF_SIGNED, FindingId.CERT_UNTRUSTED)
                .doesNotContain(FindingId.CERT_EXPIRED, FindingId.CERT_HOSTNAME_MISMATCH, FindingId.CERT_WEAK_KEY,
                        FindingId.CERT_WEAK_SIGNATURE, FindingId.TLS_HANDSHAKE_FAILED);
        assertThat(result.worstSeverity()).isLessThan(Severity.ERROR);
        // The self-signed certificate is why it is untrusted: the symptom hangs under its cause.
        assertThat(result.findings()).anySatisfy(f -> {
            assertThat(f.id()).isEqualTo(FindingId.CERT_SELF_SIGNED);
            assertThat(f.symptoms()).extracting(s -> s.id()).containsExactly(FindingId.CERT_UNTRUSTED);
        });
    }

    @Test
    void expiredCertificate() {
        TargetResult result = probe(TestPki.selfSigned(CertificateSpec.expired()));
        assertThat(ids(result)).contains(FindingId.CERT_EXPIRED);
        assertThat(result.certificateDaysLeft()).isNegative();
        assertThat(result.state()).isEqualTo(HealthState.ERROR);
    }

    @Test
    void expiredCertificateOnATlsOnlyListenerIsCritical() {
        try (XrdpServer server = XrdpServer.builder().securityLayer(SecurityLayer.TLS)
                .certificate(TestPki.selfSigned(CertificateSpec.expired())).start()) {
            TargetResult result = check(server.port());
            assertThat(ProbeRun.all(result)).anySatisfy(f -> {
                assertThat(f.id()).isEqualTo(FindingId.CERT_EXPIRED);
                assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            });
        }
    }

    @Test
    void notYetValidCertificate() {
        assertThat(ids(probe(TestPki.selfSigned(CertificateSpec.notYetValid())))).contains(FindingId.CERT_NOT_YET_VALID);
    }

    @Test
    void certificateExpiringInFiveDaysAgainstTheConfiguredWindow() {
        MintedCertificate minted = TestPki.selfSigned(CertificateSpec.expiringInDays(5));
        try (XrdpServer server = XrdpServer.builder().certificate(minted).start()) {
            assertThat(ids(check(server.port()))).contains(FindingId.CERT_EXPIRING_SOON);
            SeverityPolicy narrow = SeverityPolicy.defaults().withExpiryWindowDays(3);
            assertThat(ids(check(server.port(), ProbeRun.fast(), narrow))).doesNotContain(FindingId.CERT_EXPIRING_SOON);
        }
    }

    @Test
    void wrongHostName() {
        assertThat(ids(probe(TestPki.selfSigned(CertificateSpec.wrongHost())))).contains(FindingId.CERT_HOSTNAME_MISMATCH);
    }

    @Test
    void rsa1024KeyIsCapturedAndFlagged() {
        TargetResult result = probe(TestPki.selfSigned(CertificateSpec.rsa1024()));
        assertThat(wire(result).certificate().leaf().keyBits()).isEqualTo(1024);
        assertThat(ids(result)).contains(FindingId.CERT_WEAK_KEY);
    }

    @Test
    void sha1Signature() {
        TargetResult result = probe(TestPki.selfSigned(CertificateSpec.sha1Signed()));
        assertThat(wire(result).certificate().leaf().signatureAlgorithm()).isEqualTo("SHA1withRSA");
        assertThat(ids(result)).contains(FindingId.CERT_WEAK_SIGNATURE);
    }

    @Test
    void ecdsaKeyIsNotWeak() {
        TargetResult result = probe(TestPki.selfSigned(CertificateSpec.ecdsa()));
        assertThat(wire(result).certificate().leaf().keyAlgorithm()).isEqualTo("EC");
        assertThat(wire(result).certificate().leaf().keyBits()).isEqualTo(256);
        assertThat(ids(result)).doesNotContain(FindingId.CERT_WEAK_KEY, FindingId.TLS_HANDSHAKE_FAILED);
    }

    @Test
    void missingServerAuthenticationUsage() {
        assertThat(ids(probe(TestPki.selfSigned(CertificateSpec.withoutServerAuth()))))
                .contains(FindingId.CERT_NO_SERVER_AUTH_EKU);
    }

    @Test
    void caSignedChainIsCapturedAndTrustedOnlyWithItsRootInTheTrustStore() throws Exception {
        MintedCertificate chain = TestPki.caSignedChain(CertificateSpec.valid());
        try (XrdpServer server = XrdpServer.builder().certificate(chain).start()) {
            TargetResult untrusted = check(server.port());
            assertThat(wire(untrusted).certificate().chain()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(wire(untrusted).certificate().leaf().selfSigned()).isFalse();
            assertThat(ids(untrusted)).contains(FindingId.CERT_UNTRUSTED).doesNotContain(FindingId.CERT_SELF_SIGNED);

            KeyStore trustStore = KeyStore.getInstance("PKCS12");
            trustStore.load(null, null);
            X509Certificate root = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(chain.trustAnchorPem().getBytes()));
            trustStore.setCertificateEntry("root", root);
            TargetResult trusted = check(server.port(), ProbeRun.fast().withTrustStore(trustStore), SeverityPolicy.defaults());
            assertThat(wire(trusted).certificate().trusted()).isTrue();
            assertThat(ids(trusted)).doesNotContain(FindingId.CERT_UNTRUSTED);
        }
    }

    @Test
    void keyThatDoesNotMatchTheCertificateBreaksTheHandshake() {
        TargetResult result = probe(TestPki.mismatchedKeyPair());
        assertThat(wire(result).preferred().selected()).isEqualTo(SecurityProtocol.SSL);
        assertThat(ids(result)).contains(FindingId.TLS_HANDSHAKE_FAILED);
        assertThat(result.state()).isEqualTo(HealthState.CRITICAL);
    }

    @Test
    void keyUnreadableOnNegotiateListenerIsASilentDowngrade() {
        try (XrdpServer server = XrdpServer.builder().certificate(TestPki.selfSigned(CertificateSpec.valid()))
                .keyUnreadableByServer(true).start()) {
            TargetResult result = check(server.port());
            assertThat(wire(result).preferred().selected()).isEqualTo(SecurityProtocol.RDP);
            assertThat(result.findings().get(0).id()).isEqualTo(FindingId.TLS_DOWNGRADED_TO_RDP);
            assertThat(result.findings().get(0).symptoms()).extracting(f -> f.id())
                    .contains(FindingId.LEGACY_RDP_SECURITY_ALLOWED, FindingId.NLA_NOT_REQUIRED);
            assertThat(result.state()).isEqualTo(HealthState.ERROR);
        }
    }

    @Test
    void keyUnreadableOnTlsListenerIsNoCertificateOnServer() {
        try (XrdpServer server = XrdpServer.builder().securityLayer(SecurityLayer.TLS)
                .certificate(TestPki.selfSigned(CertificateSpec.valid())).keyUnreadableByServer(true).start()) {
            TargetResult result = check(server.port());
            assertThat(result.findings().get(0).id()).isEqualTo(FindingId.NEG_CERT_NOT_ON_SERVER);
            assertThat(result.state()).isEqualTo(HealthState.CRITICAL);
            assertThat(result.findings().get(0).fix().automatedBy()).isEqualTo("renew-cert");
        }
    }
}
