package io.rdphealth.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.evidence.EncryptionOfferResult;
import io.rdphealth.evidence.FailureKind;
import io.rdphealth.evidence.NegotiationEvidence;
import io.rdphealth.evidence.ProtocolSupport;
import io.rdphealth.evidence.StandardSecurityEvidence;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.probe.net.ConnectionPacer;
import io.rdphealth.target.Target;
import io.rdphealth.testing.CertificateSpec;
import io.rdphealth.testing.HostilePeer;
import io.rdphealth.testing.HostilePeer.Behaviour;
import io.rdphealth.testing.ShadowServer;
import io.rdphealth.testing.TestPki;
import io.rdphealth.testing.XrdpServer;
import io.rdphealth.testing.XrdpServer.SecurityLayer;
import io.rdphealth.wire.SecurityProtocol;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The probe as it runs against a server at a distance (connections paced instead of waiting for
 * answers, the standard-security questions asked before the policy answer), against real loopback
 * servers: a pacer whose "far" threshold is 1 ns treats loopback as far, with the real 2 ms
 * spacing. The answers must equal those of the near probe; only the connection count may differ
 * (speculative questions to a server that refuses standard security).
 */
class DistantServerProbeTest {
    private static final ExecutorService IO = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "distant-probe-test");
        thread.setDaemon(true);
        return thread;
    });
    private static final Supplier<ConnectionPacer> NEAR = ConnectionPacer::new;
    private static final Supplier<ConnectionPacer> FAR = () -> new ConnectionPacer(ConnectionPacer.BURST,
            ConnectionPacer.DEFAULT_INTERVAL, Duration.ofNanos(1));

    @AfterAll
    static void stop() {
        IO.shutdownNow();
    }

    private static WireEvidence probe(int port, Supplier<ConnectionPacer> pacers) {
        WireProbe probe = new WireProbe(ProbeRun.fast(), Clock.systemUTC(), IO, pacers);
        return probe.probe(Target.of("127.0.0.1", port)).addresses().get(0);
    }

    /** What the standard-security answers say, without timings. */
    private static List<String> answers(StandardSecurityEvidence evidence) {
        List<String> out = new java.util.ArrayList<>();
        out.add("level " + evidence.encryptionLevel());
        out.add("all " + evidence.allMethods().selected());
        for (EncryptionOfferResult single : evidence.singleMethods()) {
            out.add(single.offeredMethods() + " -> " + single.selected() + " reached MCS " + single.reachedMcs());
        }
        for (ProtocolSupport protocol : evidence.protocols()) {
            out.add(protocol.asked() + " -> " + protocol.negotiation().selected());
        }
        return out;
    }

    private static List<String> versions(WireEvidence wire) {
        return wire.tlsVersions().stream().map(v -> v.version().label() + " " + v.accepted()).toList();
    }

    @Test
    void xrdpAcceptingStandardSecurityGivesTheSameAnswersFromAfar() {
        try (XrdpServer server = XrdpServer.builder().securityLayer(SecurityLayer.NEGOTIATE)
                .certificate(TestPki.selfSigned(CertificateSpec.valid())).start()) {
            WireEvidence near = probe(server.port(), NEAR);
            WireEvidence far = probe(server.port(), FAR);

            assertThat(far.standardSecurity()).isNotNull();
            assertThat(answers(far.standardSecurity())).isEqualTo(answers(near.standardSecurity()))
                    .contains("all " + near.standardSecurity().allMethods().selected());
            assertThat(far.standardSecurity().singleMethods()).hasSize(4);
            assertThat(far.rdpOnly().selected()).isEqualTo(SecurityProtocol.RDP);
            assertThat(versions(far)).isEqualTo(versions(near)).contains("TLSv1 false", "TLSv1.2 true");
            assertThat(far.certificate().chain().get(0).sha256()).isEqualTo(near.certificate().chain().get(0).sha256());
            // TLS 1.0 and 1.1 are answered by one connection (xrdp allows neither here): 10, not 11.
            assertThat(far.connections()).isEqualTo(near.connections()).isEqualTo(10);
        }
    }

    @Test
    void shadowRefusingStandardSecurityIsAskedSpeculativelyAndTheAnswersDiscarded() {
        try (ShadowServer server = ShadowServer.builder().security(ShadowServer.Security.NLA)
                .nlaAccount("probe", "RDPHEALTH", "not-a-secret").start()) {
            WireEvidence near = probe(server.port(), NEAR);
            WireEvidence far = probe(server.port(), FAR);

            assertThat(near.standardSecurity()).isNull();
            assertThat(far.standardSecurity()).as("the server refuses standard security: nothing to report").isNull();
            assertThat(far.rdpOnly().confirm()).isEqualTo(near.rdpOnly().confirm());
            assertThat(far.preferred().selected()).isEqualTo(near.preferred().selected()).isEqualTo(SecurityProtocol.HYBRID);
            assertThat(far.ntlm()).isNotNull();
            assertThat(far.connections()).as("4 methods + RDSTLS + HYBRID_EX asked before the refusal was known")
                    .isEqualTo(near.connections() + 6);
        }
    }

    /** Hostile peers (in-JVM test doubles: no real server misbehaves on demand) from afar: same verdict, same deadline. */
    @ParameterizedTest
    @EnumSource(value = Behaviour.class, names = {"SILENT", "DRIP", "GARBAGE", "TRUNCATED_CONFIRM", "RESET_AFTER_CONFIRM"})
    void hostilePeersFromAfarEndWithinTheDeadline(Behaviour behaviour) {
        ProbeOptions options = ProbeOptions.defaults().withTargetDeadline(Duration.ofSeconds(3))
                .withReadTimeout(Duration.ofMillis(1500)).withConnectTimeout(Duration.ofSeconds(2));
        try (HostilePeer peer = HostilePeer.start(behaviour)) {
            WireEvidence near = new WireProbe(options, Clock.systemUTC(), IO, NEAR).probe(Target.of("127.0.0.1", peer.port()))
                    .addresses().get(0);
            long start = System.nanoTime();
            WireEvidence far = new WireProbe(options, Clock.systemUTC(), IO, FAR).probe(Target.of("127.0.0.1", peer.port()))
                    .addresses().get(0);
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(millis).as("time to verdict").isLessThan(3_000 + 1_500);
            assertThat(kind(far.preferred())).isEqualTo(kind(near.preferred()));
            assertThat(kind(far.rdpOnly())).isEqualTo(kind(near.rdpOnly()));
            assertThat(far.standardSecurity()).isNull();
        }
    }

    private static FailureKind kind(NegotiationEvidence negotiation) {
        return negotiation.failure() == null ? null : negotiation.failure().kind();
    }

    @Test
    void xrdpRequiringTlsFromAfar() {
        try (XrdpServer server = XrdpServer.builder().securityLayer(SecurityLayer.TLS)
                .certificate(TestPki.selfSigned(CertificateSpec.valid())).start()) {
            WireEvidence near = probe(server.port(), NEAR);
            WireEvidence far = probe(server.port(), FAR);

            assertThat(far.standardSecurity()).isNull();
            assertThat(far.rdpOnly().confirm()).isEqualTo(near.rdpOnly().confirm());
            assertThat(versions(far)).isEqualTo(versions(near)).isNotEmpty();
        }
    }
}
