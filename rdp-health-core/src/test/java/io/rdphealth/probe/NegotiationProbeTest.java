package io.rdphealth.probe;

import static io.rdphealth.probe.ProbeRun.check;
import static io.rdphealth.probe.ProbeRun.ids;
import static io.rdphealth.probe.ProbeRun.wire;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rdphealth.evidence.TlsVersion;
import io.rdphealth.evidence.TlsVersionResult;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Severity;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.report.HealthState;
import io.rdphealth.report.TargetResult;
import io.rdphealth.testing.CertificateSpec;
import io.rdphealth.testing.ShadowServer;
import io.rdphealth.testing.TestPki;
import io.rdphealth.testing.XrdpServer;
import io.rdphealth.testing.XrdpServer.SecurityLayer;
import io.rdphealth.wire.NegotiationFailureCode;
import io.rdphealth.wire.SecurityProtocol;
import io.rdphealth.wire.X224Confirm;
import org.junit.jupiter.api.Test;

/** The negotiation rows of rdp-facts.md for xrdp and freerdp-shadow-cli, through the whole probe and diagnosis. */
class NegotiationProbeTest {

    private static NegotiationFailureCode rdpOnlyFailure(WireEvidence wire) {
        return ((X224Confirm.NegotiationFailure) wire.rdpOnly().confirm()).failure();
    }

    @Test
    void xrdpNegotiateSelectsSslAndAllowsLegacyRdp() {
        try (XrdpServer server = XrdpServer.builder().securityLayer(SecurityLayer.NEGOTIATE)
                .certificate(TestPki.selfSigned(CertificateSpec.valid())).start()) {
            TargetResult result = check(server.port());
            assertThat(wire(result).preferred().selected()).isEqualTo(SecurityProtocol.SSL);
            assertThat(wire(result).rdpOnly().selected()).isEqualTo(SecurityProtocol.RDP);
            assertThat(ids(result)).contains(FindingId.LEGACY_RDP_SECURITY_ALLOWED, FindingId.NLA_NOT_REQUIRED)
                    .doesNotContain(FindingId.TLS_DOWNGRADED_TO_RDP);
            assertThat(result.state()).isEqualTo(HealthState.WARNING);
            // 4 for policy, TLS and the version scan (TLS 1.2 alone, TLS 1.0 with 1.1: one alert for
            // both); the rest read the encryption methods over MCS.
            assertThat(wire(result).standardSecurity().standardSecurityAccepted()).isTrue();
            assertThat(wire(result).standardSecurity().encryptionLevel()).isNotNull();
            assertThat(wire(result).connections()).isEqualTo(4 + wire(result).standardSecurity().connections());
            assertThat(ProbeRun.all(result)).filteredOn(f -> f.id() == FindingId.LEGACY_RDP_SECURITY_ALLOWED)
                    .singleElement().satisfies(f -> assertThat(String.join(" ", f.evidence())).contains("encryption level"));
        }
    }

    @Test
    void xrdpTlsRequiresSsl() {
        try (XrdpServer server = XrdpServer.builder().securityLayer(SecurityLayer.TLS)
                .certificate(TestPki.selfSigned(CertificateSpec.valid())).start()) {
            TargetResult result = check(server.port());
            assertThat(rdpOnlyFailure(wire(result))).isEqualTo(NegotiationFailureCode.SSL_REQUIRED_BY_SERVER);
            assertThat(ids(result)).contains(FindingId.NEG_SSL_REQUIRED, FindingId.NLA_NOT_REQUIRED)
                    .doesNotContain(FindingId.LEGACY_RDP_SECURITY_ALLOWED);
            assertThat(result.worstSeverity()).isLessThan(Severity.ERROR);
        }
    }

    @Test
    void xrdpRdpLayerChoosesStandardSecurityWhenTlsIsOffered() {
        try (XrdpServer server = XrdpServer.builder().securityLayer(SecurityLayer.RDP).start()) {
            TargetResult result = check(server.port());
            assertThat(wire(result).preferred().selected()).isEqualTo(SecurityProtocol.RDP);
            assertThat(wire(result).tls()).isNull();
            assertThat(wire(result).tlsVersions()).isEmpty();
            assertThat(result.findings().get(0).id()).isEqualTo(FindingId.TLS_DOWNGRADED_TO_RDP);
        }
    }

    @Test
    void xrdpOfferingOnlyTls10IsDetectedAsSuch() {
        try (XrdpServer server = XrdpServer.builder().certificate(TestPki.selfSigned(CertificateSpec.valid()))
                .sslProtocols("TLSv1").tlsCiphers("DEFAULT:@SECLEVEL=0").start()) {
            TargetResult result = check(server.port());
            assertThat(wire(result).tls().version()).isEqualTo(TlsVersion.TLS_1_0);
            assertThat(wire(result).tlsVersions()).extracting(TlsVersionResult::version, TlsVersionResult::accepted)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(TlsVersion.TLS_1_0, true),
                            org.assertj.core.groups.Tuple.tuple(TlsVersion.TLS_1_1, false),
                            org.assertj.core.groups.Tuple.tuple(TlsVersion.TLS_1_2, false),
                            org.assertj.core.groups.Tuple.tuple(TlsVersion.TLS_1_3, false));
            assertThat(result.findings().get(0).id()).isEqualTo(FindingId.TLS_NO_MODERN_VERSION);
            assertThat(result.findings().get(0).symptoms()).extracting(f -> f.id())
                    .containsExactly(FindingId.TLS_LEGACY_VERSION_ENABLED);
        }
    }

    @Test
    void xrdpAllowingTls11ButNot10IsAskedFor10Alone() {
        // The server picks 1.1 when 1.0 and 1.1 are offered together: 1.0 takes a connection of its own.
        try (XrdpServer server = XrdpServer.builder().certificate(TestPki.selfSigned(CertificateSpec.valid()))
                .sslProtocols("TLSv1.1, TLSv1.2").tlsCiphers("DEFAULT:@SECLEVEL=0").start()) {
            WireEvidence wire = wire(check(server.port(), ProbeRun.fast().withStandardSecurity(false), SeverityPolicy.defaults()));
            assertThat(wire.tlsVersions()).extracting(TlsVersionResult::version, TlsVersionResult::accepted)
                    .containsExactly(tuple(TlsVersion.TLS_1_0, false), tuple(TlsVersion.TLS_1_1, true),
                            tuple(TlsVersion.TLS_1_2, true), tuple(TlsVersion.TLS_1_3, false));
            assertThat(wire.tlsVersions().get(0).detail()).doesNotContain("the server chose");
            assertThat(wire.connections()).isEqualTo(5);
        }
    }

    @Test
    void xrdpAllowingTls10ButNot11AnswersBothWithOneConnection() {
        try (XrdpServer server = XrdpServer.builder().certificate(TestPki.selfSigned(CertificateSpec.valid()))
                .sslProtocols("TLSv1, TLSv1.2").tlsCiphers("DEFAULT:@SECLEVEL=0").start()) {
            TargetResult result = check(server.port(), ProbeRun.fast().withStandardSecurity(false), SeverityPolicy.defaults());
            WireEvidence wire = wire(result);
            assertThat(wire.tlsVersions()).extracting(TlsVersionResult::version, TlsVersionResult::accepted)
                    .containsExactly(tuple(TlsVersion.TLS_1_0, true), tuple(TlsVersion.TLS_1_1, false),
                            tuple(TlsVersion.TLS_1_2, true), tuple(TlsVersion.TLS_1_3, false));
            assertThat(wire.tlsVersions().get(1).detail()).isEqualTo("the server chose TLSv1 when TLSv1, TLSv1.1 were offered");
            assertThat(wire.connections()).isEqualTo(4);
            assertThat(ids(result)).contains(FindingId.TLS_LEGACY_VERSION_ENABLED);
        }
    }

    @Test
    void xrdpWithLegacyVersionsEnabledNextToModernOnes() {
        try (XrdpServer server = XrdpServer.builder().certificate(TestPki.selfSigned(CertificateSpec.valid()))
                .weakTlsAllowed().start()) {
            TargetResult result = check(server.port());
            assertThat(wire(result).tlsVersions()).allMatch(TlsVersionResult::accepted);
            assertThat(ids(result)).contains(FindingId.TLS_LEGACY_VERSION_ENABLED).doesNotContain(FindingId.TLS_NO_MODERN_VERSION);
        }
    }

    @Test
    void shadowWithNlaSelectsHybridAndNamesItselfOverNtlm() {
        try (ShadowServer server = ShadowServer.builder().security(ShadowServer.Security.NLA)
                .nlaAccount("probe", "RDPHEALTH", "not-a-secret").start()) {
            TargetResult result = check(server.port());
            WireEvidence wire = wire(result);
            assertThat(wire.preferred().selected()).isEqualTo(SecurityProtocol.HYBRID);
            assertThat(rdpOnlyFailure(wire)).isEqualTo(NegotiationFailureCode.HYBRID_REQUIRED_BY_SERVER);
            assertThat(ids(result)).contains(FindingId.NEG_HYBRID_REQUIRED).doesNotContain(FindingId.NLA_NOT_REQUIRED,
                    FindingId.LEGACY_RDP_SECURITY_ALLOWED);
            assertThat(wire.ntlm().failure()).isNull();
            assertThat(wire.ntlm().tsRequestVersion()).isBetween(2, 6);
            assertThat(wire.ntlm().challenge().netbiosComputer()).isNotBlank();
            assertThat(wire.ntlm().challenge().targetName()).isNotBlank();
        }
    }

    @Test
    void shadowWithTlsRequiresSsl() {
        try (ShadowServer server = ShadowServer.builder().security(ShadowServer.Security.TLS).start()) {
            TargetResult result = check(server.port());
            assertThat(wire(result).preferred().selected()).isEqualTo(SecurityProtocol.SSL);
            assertThat(rdpOnlyFailure(wire(result))).isEqualTo(NegotiationFailureCode.SSL_REQUIRED_BY_SERVER);
            assertThat(ids(result)).contains(FindingId.NEG_SSL_REQUIRED);
        }
    }

    @Test
    void shadowWithRdpOnlyRefusesTls() {
        try (ShadowServer server = ShadowServer.builder().security(ShadowServer.Security.RDP).start()) {
            TargetResult result = check(server.port());
            assertThat(((X224Confirm.NegotiationFailure) wire(result).preferred().confirm()).failure())
                    .isEqualTo(NegotiationFailureCode.SSL_NOT_ALLOWED_BY_SERVER);
            assertThat(result.findings().get(0).id()).isEqualTo(FindingId.NEG_SSL_NOT_ALLOWED);
            assertThat(result.findings().get(0).symptoms()).extracting(f -> f.id())
                    .contains(FindingId.LEGACY_RDP_SECURITY_ALLOWED);
        }
    }
}
