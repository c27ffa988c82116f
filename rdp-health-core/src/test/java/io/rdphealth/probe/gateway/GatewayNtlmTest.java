package io.rdphealth.probe.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.diagnosis.rules.GatewayRules;
import io.rdphealth.evidence.FailureKind;
import io.rdphealth.evidence.GatewayAuthentication;
import io.rdphealth.evidence.GatewayEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.report.ReportJson;
import io.rdphealth.target.Target;
import io.rdphealth.testing.CertificateSpec;
import io.rdphealth.testing.MintedCertificate;
import io.rdphealth.testing.TestPki;
import io.rdphealth.testing.gateway.FakeRdGateway;
import io.rdphealth.testing.gateway.FakeRdGateway.Behaviour;
import io.rdphealth.testing.gateway.NtlmStandIn;
import io.rdphealth.wire.NtlmChallenge;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * NTLM with the RD Gateway (credential-free CHALLENGE, NTLMv2 with a password) against
 * {@link FakeRdGateway} and its {@link NtlmStandIn}: STAND-INS, since no RD Gateway or domain
 * controller runs on Linux. The stand-in recomputes NTProofStr on its own (server side of MS-NLMP
 * 3.3.2); the client's math is pinned separately by the MS-NLMP 4.2.4 vectors (NtlmV2Test). These
 * results show the probe follows the specification, not how every Windows build answers.
 */
class GatewayNtlmTest {
    private static final MintedCertificate GOOD = TestPki.caSignedChain(CertificateSpec.valid());
    private static final String PASSWORD = "Corr3ct-h0rse!";
    private static final Duration OVERALL = Duration.ofSeconds(8);

    private static GatewayProbeOptions options() throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("root", GOOD.trustAnchor());
        return GatewayProbeOptions.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), OVERALL)
                .withTrustStore(anchors).withWebsocket(false);
    }

    private static NtlmStandIn account() {
        return new NtlmStandIn("CONTOSO", "alice", PASSWORD.toCharArray());
    }

    private static Target target(FakeRdGateway gateway) {
        return GatewayProbe.parseGateway("127.0.0.1:" + gateway.port());
    }

    private static List<Finding> findings(GatewayEvidence evidence, Target target) {
        return new GatewayRules().evaluate(evidence, target, SeverityPolicy.defaults());
    }

    @Test
    void namesAndVersionAreReadWithoutCredentials() throws Exception {
        try (FakeRdGateway gateway = FakeRdGateway.startNtlm(GOOD, Behaviour.GATEWAY, List.of("Negotiate", "NTLM"), account())) {
            Target target = target(gateway);
            GatewayEvidence evidence = new GatewayProbe(options()).probe(target);

            assertThat(evidence.ntlm().scheme()).isEqualTo("NTLM");
            assertThat(evidence.ntlm().failure()).isNull();
            assertThat(evidence.ntlm().negotiate().status()).isEqualTo(401);
            NtlmChallenge challenge = evidence.ntlm().challenge();
            assertThat(challenge.netbiosComputer()).isEqualTo(NtlmStandIn.NETBIOS_COMPUTER);
            assertThat(challenge.netbiosDomain()).isEqualTo(NtlmStandIn.NETBIOS_DOMAIN);
            assertThat(challenge.dnsComputer()).isEqualTo(NtlmStandIn.DNS_COMPUTER);
            assertThat(challenge.dnsDomain()).isEqualTo(NtlmStandIn.DNS_DOMAIN);
            assertThat(challenge.osVersion()).isEqualTo(NtlmStandIn.OS_VERSION);
            assertThat(challenge.serverTime()).isEqualTo(NtlmStandIn.TIMESTAMP);
            assertThat(evidence.authenticated()).isNull();
            assertThat(findings(evidence, target)).isEmpty();

            FakeRdGateway.ReceivedRequest negotiate = gateway.requests().get(1);
            byte[] sent = Base64.getDecoder().decode(negotiate.header("Authorization").substring("NTLM ".length()));
            assertThat(new String(sent, 0, 7)).isEqualTo("NTLMSSP");
            assertThat(sent[8]).as("NEGOTIATE").isEqualTo((byte) 1);

            var tree = new ReportJson().mapper().readTree(new ReportJson().mapper().writeValueAsString(evidence));
            assertThat(tree.at("/ntlm/challenge/dnsComputer").asText()).isEqualTo(NtlmStandIn.DNS_COMPUTER);
            assertThat(tree.at("/ntlm/challenge/osVersion").asText()).isEqualTo(NtlmStandIn.OS_VERSION);
        }
    }

    /** A gateway offering only Negotiate gets the raw NTLM NEGOTIATE inside Negotiate, as Windows accepts it. */
    @Test
    void negotiateOnlyGatewayIsAskedThroughNegotiate() throws Exception {
        try (FakeRdGateway gateway = FakeRdGateway.startNtlm(GOOD, Behaviour.GATEWAY, List.of("Negotiate"), account())) {
            GatewayEvidence evidence = new GatewayProbe(options()).probe(target(gateway));

            assertThat(evidence.ntlm().scheme()).isEqualTo("Negotiate");
            assertThat(evidence.ntlm().challenge().netbiosDomain()).isEqualTo(NtlmStandIn.NETBIOS_DOMAIN);
            assertThat(gateway.requests().get(1).header("Authorization")).startsWith("Negotiate TlRMTVNTUAAB");
        }
    }

    @Test
    void correctPasswordAuthenticatesOnTheSameConnectionAndNothingSecretLeaks() throws Exception {
        NtlmStandIn account = account();
        try (FakeRdGateway gateway = FakeRdGateway.startNtlm(GOOD, Behaviour.GATEWAY, List.of("Negotiate", "NTLM"), account)) {
            Target target = target(gateway);
            GatewayProbeOptions withPassword = options()
                    .withCredentials(new GatewayCredentials.Password("CONTOSO\\alice", PASSWORD.toCharArray()));
            GatewayEvidence evidence = new GatewayProbe(withPassword).probe(target);

            assertThat(evidence.authentication().outcome()).isEqualTo(GatewayAuthentication.Outcome.AUTHENTICATED);
            assertThat(evidence.authentication().scheme()).isEqualTo("NTLM");
            assertThat(evidence.authentication().warning()).isNull();
            assertThat(evidence.authenticated().status()).isEqualTo(200);
            assertThat(evidence.authenticated().authorizationScheme()).isEqualTo("NTLM");
            assertThat(account.verdicts()).containsExactly("accepted CONTOSO\\alice");
            List<FakeRdGateway.ReceivedRequest> requests = gateway.requests();
            assertThat(requests).hasSize(3);
            assertThat(requests.get(2).connection()).as("AUTHENTICATE on the NEGOTIATE's connection").isEqualTo(requests.get(1).connection());
            assertThat(requests.get(2).header("RDG-Connection-Id")).isEqualTo(requests.get(1).header("RDG-Connection-Id"));
            assertThat(evidence.connections()).isEqualTo(2);
            assertThat(findings(evidence, target)).isEmpty();

            byte[] ntHash = account.ntHash();
            String everything = evidence + " " + withPassword + " " + findings(evidence, target) + " "
                    + new ReportJson().mapper().writeValueAsString(evidence);
            assertThat(everything).doesNotContain(PASSWORD)
                    .doesNotContainIgnoringCase(HexFormat.of().formatHex(ntHash))
                    .doesNotContain(Base64.getEncoder().encodeToString(ntHash))
                    .doesNotContain(Base64.getEncoder().encodeToString(PASSWORD.getBytes()));
        }
    }

    @Test
    void wrongPasswordIsRejected() throws Exception {
        NtlmStandIn account = account();
        try (FakeRdGateway gateway = FakeRdGateway.startNtlm(GOOD, Behaviour.GATEWAY, List.of("NTLM"), account)) {
            Target target = target(gateway);
            GatewayEvidence evidence = new GatewayProbe(options()
                    .withCredentials(new GatewayCredentials.Password("CONTOSO\\alice", "wrong-password".toCharArray()))).probe(target);

            assertThat(evidence.ntlm().challenge()).isNotNull();
            assertThat(evidence.authenticated().status()).isEqualTo(401);
            assertThat(evidence.authentication().outcome()).isEqualTo(GatewayAuthentication.Outcome.REJECTED);
            assertThat(account.verdicts()).singleElement().asString().contains("NTProofStr does not match");
            assertThat(findings(evidence, target)).as("a rejected password is evidence, not a gateway finding").isEmpty();
        }
    }

    @Test
    void nonBase64TokenIsClassified() throws Exception {
        assertHostile(Behaviour.NTLM_GARBAGE_TOKEN, FailureKind.MALFORMED, "not base64");
    }

    @Test
    void oversizedTokenIsRefusedBeforeDecoding() throws Exception {
        assertHostile(Behaviour.NTLM_OVERSIZED_TOKEN, FailureKind.MALFORMED, "more than the 8192 accepted");
    }

    @Test
    void challengeWithOffsetsOutsideTheMessageIsClassified() throws Exception {
        assertHostile(Behaviour.NTLM_BAD_OFFSETS, FailureKind.MALFORMED, "lies outside the");
    }

    @Test
    void closeAfterNegotiateIsADroppedConnection() throws Exception {
        assertHostile(Behaviour.NTLM_CLOSE_AFTER_NEGOTIATE, FailureKind.DROPPED, "closed");
    }

    private static void assertHostile(Behaviour behaviour, FailureKind kind, String detail) throws Exception {
        try (FakeRdGateway gateway = FakeRdGateway.startNtlm(GOOD, behaviour, List.of("Negotiate", "NTLM"), account())) {
            Target target = target(gateway);
            long start = System.nanoTime();
            GatewayEvidence evidence = new GatewayProbe(options()
                    .withCredentials(new GatewayCredentials.Password("CONTOSO\\alice", PASSWORD.toCharArray()))).probe(target);
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(evidence.ntlm().challenge()).isNull();
            assertThat(evidence.ntlm().failure().kind()).isEqualTo(kind);
            assertThat(evidence.ntlm().failure().detail()).contains(detail);
            assertThat(evidence.authentication().outcome()).isEqualTo(GatewayAuthentication.Outcome.NOT_SENT);
            assertThat(evidence.authentication().detail()).contains("CHALLENGE");
            assertThat(findings(evidence, target)).as("the credential-free answer was a healthy 401").isEmpty();
            assertThat(seconds).isLessThan(OVERALL.toSeconds());
            assertThat(gateway.requests()).hasSize(2);
        }
    }
}
