package io.rdphealth.probe.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.diagnosis.rules.GatewayRules;
import io.rdphealth.evidence.FailureKind;
import io.rdphealth.evidence.GatewayAuthentication;
import io.rdphealth.evidence.GatewayEvidence;
import io.rdphealth.evidence.GatewayHandshake;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.report.ReportJson;
import io.rdphealth.target.Target;
import io.rdphealth.testing.CertificateSpec;
import io.rdphealth.testing.LoopbackPorts;
import io.rdphealth.testing.MintedCertificate;
import io.rdphealth.testing.TestPki;
import io.rdphealth.testing.gateway.FakeRdGateway;
import io.rdphealth.testing.gateway.FakeRdGateway.Behaviour;
import io.rdphealth.testing.gateway.NtlmStandIn;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The gateway probe and rules against {@link FakeRdGateway}, a stand-in HTTPS server that answers
 * as MS-TSGU describes: no real RD Gateway runs on Linux. Certificates are minted by TestPki; the
 * trust store holds the minted root, so only the defects a test plants become findings.
 */
class GatewayProbeTest {
    private static final MintedCertificate GOOD = TestPki.caSignedChain(CertificateSpec.valid());
    private static final NtlmStandIn ACCOUNT = new NtlmStandIn("CONTOSO", "alice", "Corr3ct-h0rse!".toCharArray());

    private static GatewayProbeOptions options(MintedCertificate trusted) throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("root", trusted.trustAnchor());
        return GatewayProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10))
                .withTrustStore(anchors);
    }

    private static Target target(FakeRdGateway gateway) {
        return GatewayProbe.parseGateway("127.0.0.1:" + gateway.port());
    }

    private static List<Finding> findings(GatewayEvidence evidence, Target target) {
        return new GatewayRules().evaluate(evidence, target, SeverityPolicy.defaults());
    }

    @Test
    void healthyGatewayAnswers401WithItsSchemesAndGivesNoFinding() throws Exception {
        try (FakeRdGateway gateway = FakeRdGateway.startNtlm(GOOD, Behaviour.GATEWAY, List.of("Negotiate", "NTLM"), ACCOUNT)) {
            Target target = target(gateway);
            GatewayEvidence evidence = new GatewayProbe(options(GOOD)).probe(target);

            assertThat(evidence.tls().succeeded()).isTrue();
            assertThat(evidence.certificate().trusted()).isTrue();
            assertThat(evidence.http().status()).isEqualTo(401);
            assertThat(evidence.http().authSchemes()).containsExactly("Negotiate", "NTLM");
            assertThat(evidence.http().server()).isEqualTo("Microsoft-HTTPAPI/2.0");
            assertThat(evidence.websocket().status()).isEqualTo(401);
            assertThat(evidence.authenticated()).isNull();
            assertThat(evidence.authentication()).isNull();
            assertThat(evidence.connections()).isEqualTo(3);
            assertThat(findings(evidence, target)).isEmpty();

            List<FakeRdGateway.ReceivedRequest> requests = gateway.requests();
            assertThat(requests).hasSize(3).allSatisfy(r -> {
                assertThat(r.method()).isEqualTo("RDG_OUT_DATA");
                assertThat(r.path()).isEqualTo("/remoteDesktopGateway/");
                assertThat(r.header("RDG-Connection-Id")).matches("\\{[0-9A-F-]{36}\\}");
            });
            assertThat(requests.get(0).header("Upgrade")).isNull();
            assertThat(requests.get(1).header("Upgrade")).isEqualTo("websocket");
            assertThat(requests.get(1).header("Sec-WebSocket-Key")).hasSize(24);
            assertThat(requests.get(0).header("Host")).isEqualTo("127.0.0.1:" + gateway.port());
        }
    }

    @Test
    void basicOnlyGatewayIsReportedAndCredentialsGoFurtherWithoutLeaking() throws Exception {
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString("alice:s3cret-Pa55".getBytes());
        try (FakeRdGateway gateway = FakeRdGateway.start(GOOD, Behaviour.GATEWAY, List.of("Basic realm=\"gw\""), expected)) {
            Target target = target(gateway);
            GatewayProbeOptions withPassword = options(GOOD)
                    .withCredentials(new GatewayCredentials.Password("alice", "s3cret-Pa55".toCharArray()));
            GatewayEvidence evidence = new GatewayProbe(withPassword).probe(target);

            assertThat(evidence.authenticated().status()).isEqualTo(200);
            assertThat(evidence.authenticated().authorizationScheme()).isEqualTo("Basic");
            assertThat(evidence.authentication().outcome()).isEqualTo(GatewayAuthentication.Outcome.AUTHENTICATED);
            assertThat(evidence.authentication().warning()).contains("Basic sends the password itself");
            assertThat(evidence.ntlm()).isNull();
            assertThat(gateway.requests()).last().satisfies(r -> assertThat(r.header("Authorization")).isEqualTo(expected));
            assertThat(findings(evidence, target)).extracting(Finding::id).containsExactly(FindingId.GATEWAY_AUTH_BASIC_ONLY);

            String everything = evidence.toString() + withPassword + findings(evidence, target);
            assertThat(everything).doesNotContain("s3cret-Pa55").doesNotContain(expected.substring(6));
        }
    }

    @Test
    void tokenIsSentAsBearerAndWebsocketUpgradesWithIt() throws Exception {
        try (FakeRdGateway gateway = FakeRdGateway.start(GOOD, Behaviour.GATEWAY, List.of("Negotiate"), "Bearer tok.en-123")) {
            GatewayEvidence evidence = new GatewayProbe(options(GOOD)
                    .withCredentials(new GatewayCredentials.Token("tok.en-123".toCharArray()))).probe(target(gateway));

            assertThat(evidence.authenticated().status()).isEqualTo(200);
            assertThat(evidence.authenticated().authorizationScheme()).isEqualTo("Bearer");
            assertThat(evidence.toString()).doesNotContain("tok.en-123");
        }
    }

    @Test
    void passwordIsNotSentWhenNoSchemeFitsIt() throws Exception {
        try (FakeRdGateway gateway = FakeRdGateway.start(GOOD, Behaviour.GATEWAY, List.of("Digest realm=\"gw\""), null)) {
            GatewayEvidence evidence = new GatewayProbe(options(GOOD)
                    .withCredentials(new GatewayCredentials.Password("alice", "pw".toCharArray()))).probe(target(gateway));

            assertThat(evidence.ntlm()).isNull();
            assertThat(evidence.authenticated().note()).contains("neither NTLM, Negotiate nor Basic");
            assertThat(evidence.authentication().outcome()).isEqualTo(GatewayAuthentication.Outcome.NOT_SENT);
            assertThat(gateway.requests()).hasSize(2).noneSatisfy(r -> assertThat(r.header("Authorization")).isNotNull());
        }
    }

    @Test
    void httpsWithoutTheGatewayRoleIsNotRdg() throws Exception {
        try (FakeRdGateway gateway = FakeRdGateway.start(GOOD, Behaviour.NOT_FOUND, List.of(), null)) {
            Target target = target(gateway);
            GatewayEvidence evidence = new GatewayProbe(options(GOOD)).probe(target);

            assertThat(evidence.http().status()).isEqualTo(404);
            assertThat(findings(evidence, target)).singleElement().satisfies(f -> {
                assertThat(f.id()).isEqualTo(FindingId.GATEWAY_NOT_RDG);
                assertThat(f.summary()).contains("HTTP 404");
            });
        }
    }

    @Test
    void serverErrorIsGatewayError() throws Exception {
        try (FakeRdGateway gateway = FakeRdGateway.start(GOOD, Behaviour.SERVER_ERROR, List.of(), null)) {
            Target target = target(gateway);
            assertThat(findings(new GatewayProbe(options(GOOD)).probe(target), target)).extracting(Finding::id)
                    .containsExactly(FindingId.GATEWAY_ERROR);
        }
    }

    @Test
    void closingAfterTheRequestIsGatewayErrorWithADroppedConnection() throws Exception {
        try (FakeRdGateway gateway = FakeRdGateway.start(GOOD, Behaviour.CLOSE_AFTER_REQUEST, List.of(), null)) {
            Target target = target(gateway);
            GatewayEvidence evidence = new GatewayProbe(options(GOOD)).probe(target);

            assertThat(evidence.http().failure().kind()).isEqualTo(FailureKind.DROPPED);
            assertThat(findings(evidence, target)).extracting(Finding::id).containsExactly(FindingId.GATEWAY_ERROR);
        }
    }

    @Test
    void silentGatewayEndsWithinTheDeadline() throws Exception {
        try (FakeRdGateway gateway = FakeRdGateway.start(GOOD, Behaviour.SILENT, List.of(), null)) {
            GatewayProbeOptions quick = options(GOOD).withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(3))
                    .withWebsocket(false);
            long start = System.nanoTime();
            GatewayEvidence evidence = new GatewayProbe(quick).probe(target(gateway));
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(evidence.http().failure().kind()).isEqualTo(FailureKind.SILENT);
            assertThat(seconds).isLessThan(3.0);
        }
    }

    @Test
    void plaintextPortIsGatewayTlsFailed() throws Exception {
        try (FakeRdGateway gateway = FakeRdGateway.start(GOOD, Behaviour.PLAINTEXT, List.of(), null)) {
            Target target = target(gateway);
            GatewayEvidence evidence = new GatewayProbe(options(GOOD)).probe(target);

            assertThat(evidence.tls().succeeded()).isFalse();
            assertThat(evidence.http()).isNull();
            assertThat(findings(evidence, target)).extracting(Finding::id).containsExactly(FindingId.GATEWAY_TLS_FAILED);
        }
    }

    @Test
    void nothingListeningIsGatewayUnreachable() throws Exception {
        Target target = GatewayProbe.parseGateway("127.0.0.1:" + LoopbackPorts.freePort());
        GatewayEvidence evidence = new GatewayProbe(options(GOOD)).probe(target);

        assertThat(evidence.connectFailure().kind()).isEqualTo(FailureKind.REFUSED);
        assertThat(findings(evidence, target)).extracting(Finding::id).containsExactly(FindingId.GATEWAY_UNREACHABLE);
    }

    /** The certificate findings of an RDP listener apply to the gateway, with the gateway as target. */
    @Test
    void defectiveGatewayCertificatesGiveCertFindingsForTheGateway() throws Exception {
        MintedCertificate expired = TestPki.caSignedChain(CertificateSpec.expired());
        MintedCertificate wrongHost = TestPki.caSignedChain(CertificateSpec.wrongHost());
        MintedCertificate weak = TestPki.selfSigned(CertificateSpec.rsa1024());
        assertCertFinding(expired, expired, FindingId.CERT_EXPIRED);
        assertCertFinding(wrongHost, wrongHost, FindingId.CERT_HOSTNAME_MISMATCH);
        assertCertFinding(weak, weak, FindingId.CERT_WEAK_KEY);
        assertCertFinding(GOOD, TestPki.selfSigned(CertificateSpec.valid()), FindingId.CERT_UNTRUSTED);
    }

    private static void assertCertFinding(MintedCertificate served, MintedCertificate trusted, FindingId expected) throws Exception {
        try (FakeRdGateway gateway = FakeRdGateway.start(served, Behaviour.GATEWAY, List.of("Negotiate"), null)) {
            Target target = target(gateway);
            GatewayEvidence evidence = new GatewayProbe(options(trusted).withWebsocket(false)).probe(target);
            List<Finding> findings = findings(evidence, target);

            assertThat(findings).as("findings for %s", expected).anySatisfy(f -> {
                assertThat(f.id()).isEqualTo(expected);
                assertThat(f.target()).isEqualTo(target.input());
                assertThat(f.summary()).startsWith("gateway certificate: ");
                assertThat(f.fix().steps().get(0)).contains("RD Gateway Manager");
            });
            assertThat(findings).noneMatch(f -> f.id().group() == io.rdphealth.finding.FindingGroup.GATEWAY);
        }
    }

    @Test
    void evidenceSerializesToJson() throws Exception {
        try (FakeRdGateway gateway = FakeRdGateway.start(GOOD, Behaviour.GATEWAY, List.of("NTLM"), null)) {
            GatewayEvidence evidence = new GatewayProbe(options(GOOD)).probe(target(gateway));
            var mapper = new ReportJson().mapper();
            String json = mapper.writeValueAsString(evidence);
            var tree = mapper.readTree(json);

            assertThat(tree.at("/http/status").asInt()).isEqualTo(401);
            assertThat(tree.at("/http/authSchemes/0").asText()).isEqualTo("NTLM");
            assertThat(tree.at("/websocket/variant").asText()).isEqualTo("WEBSOCKET");
            assertThat(tree.at("/certificate/chain/0/subject").asText()).contains("localhost");
            assertThat(mapper.readValue(json, GatewayEvidence.class).http()).isEqualTo(evidence.http());
        }
    }

    /** The not-sent shape of a handshake has no status and says why. */
    @Test
    void notSentHandshakeSaysWhy() {
        GatewayHandshake handshake = GatewayHandshake.notSent(GatewayHandshake.Variant.HTTP, "Basic", "reason");
        assertThat(handshake.answered()).isFalse();
        assertThat(handshake.looksLikeGateway()).isFalse();
        assertThat(handshake.note()).isEqualTo("reason");
    }
}
