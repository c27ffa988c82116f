package io.rdphealth.probe.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.diagnosis.rules.StandardSecurityRule;
import io.rdphealth.evidence.EncryptionOfferResult;
import io.rdphealth.evidence.FailureKind;
import io.rdphealth.evidence.StandardSecurityEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.target.Target;
import io.rdphealth.testing.LoopbackPorts;
import io.rdphealth.testing.ShadowServer;
import io.rdphealth.testing.XrdpServer;
import io.rdphealth.wire.EncryptionLevel;
import io.rdphealth.wire.EncryptionMethod;
import io.rdphealth.wire.SecurityProtocol;
import io.rdphealth.wire.ServerSecurityData;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The standard-security probe against real servers: xrdp with each crypt_level (the encryption
 * level and method read from the wire must be the ones configured), xrdp refusing standard
 * security, and freerdp-shadow-cli with /sec:rdp and /sec:nla.
 */
class StandardSecurityProbeTest {
    private static final StandardSecurityOptions OPTIONS = StandardSecurityOptions.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(15));

    private static Target local(int port) {
        return Target.of("127.0.0.1", port);
    }

    /**
     * xrdp maps crypt_level to (method, level): low (40-bit, LOW), medium (40-bit, CLIENT_COMPATIBLE),
     * high (128-bit, HIGH), fips (FIPS, FIPS). xrdp 0.9.21 answers that method whatever the client
     * offered, so only the configured method is "accepted" and the others count as imposed.
     */
    @ParameterizedTest(name = "crypt_level={0}")
    @CsvSource({"low,BITS_40,LOW", "medium,BITS_40,CLIENT_COMPATIBLE", "high,BITS_128,HIGH", "fips,FIPS,FIPS"})
    void readsXrdpCryptLevelFromTheWire(String cryptLevel, EncryptionMethod method, EncryptionLevel level) {
        try (XrdpServer server = XrdpServer.builder().securityLayer(XrdpServer.SecurityLayer.RDP).cryptLevel(cryptLevel).start()) {
            StandardSecurityEvidence evidence = new StandardSecurityProbe(OPTIONS).probe(local(server.port()));

            assertThat(evidence.standardSecurityAccepted()).isTrue();
            assertThat(evidence.encryptionLevel()).isEqualTo(level);
            assertThat(evidence.allMethods().selected()).isEqualTo(method);
            assertThat(evidence.singleMethods()).hasSize(4).allSatisfy(r -> assertThat(r.selected()).isEqualTo(method));
            assertThat(evidence.acceptedMethods()).containsExactly(method);
            assertThat(evidence.imposedMethods()).containsExactly(method);
            ServerSecurityData security = evidence.allMethods().response().security();
            assertThat(security.certificateKind()).isEqualTo(ServerSecurityData.CertificateKind.PROPRIETARY);
            assertThat(security.serverKeyBits()).isPositive();
            assertThat(evidence.connections()).isEqualTo(7);
            System.out.printf("xrdp crypt_level=%s: %d connections in %.1f ms%n", cryptLevel, evidence.connections(), evidence.millis());

            List<Finding> findings = new StandardSecurityRule().evaluate(evidence, "xrdp");
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.id()).isEqualTo(FindingId.LEGACY_RDP_SECURITY_ALLOWED);
                assertThat(f.summary()).contains("encryption level " + level, method.label());
                assertThat(f.evidence()).contains("encryption level " + level + " (" + level.value() + ")");
            });
        }
    }

    /** xrdp has no CredSSP and no RDSTLS: asked either alone, it selects standard RDP security, which is not support. */
    @Test
    void xrdpSupportsNeitherRdstlsNorHybridEx() {
        try (XrdpServer server = XrdpServer.builder().securityLayer(XrdpServer.SecurityLayer.NEGOTIATE).start()) {
            StandardSecurityEvidence evidence = new StandardSecurityProbe(OPTIONS.withEnumerateMethods(false)).probe(local(server.port()));

            assertThat(evidence.protocols()).hasSize(2).allSatisfy(p -> {
                assertThat(p.negotiation().selected()).as("answered, but with %s", p.negotiation().selected()).isEqualTo(SecurityProtocol.RDP);
                assertThat(p.supported()).isFalse();
            });
            assertThat(evidence.supports(SecurityProtocol.RDSTLS)).isFalse();
            assertThat(evidence.supports(SecurityProtocol.HYBRID_EX)).isFalse();
            assertThat(evidence.singleMethods()).isEmpty();
            assertThat(evidence.connections()).isEqualTo(3);
        }
    }

    @Test
    void xrdpRequiringTlsRefusesStandardSecurityAndNoMcsIsSent() {
        try (XrdpServer server = XrdpServer.builder().securityLayer(XrdpServer.SecurityLayer.TLS).start()) {
            StandardSecurityEvidence evidence = new StandardSecurityProbe(OPTIONS).probe(local(server.port()));

            assertThat(evidence.standardSecurityAccepted()).isFalse();
            assertThat(evidence.allMethods()).isNull();
            assertThat(evidence.singleMethods()).isEmpty();
            assertThat(evidence.encryptionLevel()).isNull();
            assertThat(new StandardSecurityRule().evaluate(evidence, "xrdp")).isEmpty();
        }
    }

    /**
     * FreeRDP's shadow server with /sec:rdp (2.11 as packaged in Debian 12) announces encryption
     * level NONE and method 0: the session is not encrypted at all, which the finding must say.
     * Asked RDSTLS or HYBRID_EX alone it answers FAILURE 2 (SSL not allowed).
     */
    @Test
    void shadowServerWithStandardSecurity() {
        try (ShadowServer server = ShadowServer.builder().security(ShadowServer.Security.RDP).start()) {
            StandardSecurityEvidence evidence = new StandardSecurityProbe(OPTIONS).probe(local(server.port()));

            assertThat(evidence.standardSecurityAccepted()).isTrue();
            EncryptionOfferResult all = evidence.allMethods();
            assertThat(all.failure()).isNull();
            assertThat(all.response().successful()).isTrue();
            assertThat(evidence.encryptionLevel()).isEqualTo(EncryptionLevel.NONE);
            assertThat(all.response().security().encryptionMethod()).isZero();
            assertThat(evidence.acceptedMethods()).isEmpty();
            assertThat(evidence.protocols()).allSatisfy(p -> {
                assertThat(p.negotiation().confirm()).hasToString("NegotiationFailure[failureCode=2]");
                assertThat(p.supported()).isFalse();
            });
            assertThat(new StandardSecurityRule().evaluate(evidence, "shadow")).singleElement().satisfies(f -> {
                assertThat(f.id()).isEqualTo(FindingId.LEGACY_RDP_SECURITY_ALLOWED);
                assertThat(f.summary()).contains("not encrypted at all");
            });
        }
    }

    /**
     * FreeRDP's shadow server with /sec:nla: FAILURE 5 to standard security, and also to RDSTLS or
     * HYBRID_EX asked alone. A scanner that counts any answer as support would list both.
     */
    @Test
    void shadowServerWithNla() {
        try (ShadowServer server = ShadowServer.builder().security(ShadowServer.Security.NLA).start()) {
            StandardSecurityEvidence evidence = new StandardSecurityProbe(OPTIONS).probe(local(server.port()));

            assertThat(evidence.standardSecurityAccepted()).isFalse();
            assertThat(evidence.rdpOnly().confirm()).hasToString("NegotiationFailure[failureCode=5]");
            assertThat(evidence.protocols()).extracting(p -> p.asked())
                    .containsExactly(SecurityProtocol.RDSTLS, SecurityProtocol.HYBRID_EX);
            assertThat(evidence.protocols()).allSatisfy(p -> {
                assertThat(p.negotiation().confirm()).hasToString("NegotiationFailure[failureCode=5]");
                assertThat(p.supported()).isFalse();
            });
        }
    }

    @Test
    void closedPortEndsAfterOneConnection() {
        int port = LoopbackPorts.freePort();
        StandardSecurityEvidence evidence = new StandardSecurityProbe(OPTIONS).probe(local(port));

        assertThat(evidence.rdpOnly().failure().kind()).isEqualTo(FailureKind.REFUSED);
        assertThat(evidence.connections()).isEqualTo(1);
        assertThat(evidence.protocols()).isEmpty();
    }
}
