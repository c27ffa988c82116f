package io.rdphealth.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.host.windows.WireListenerVerifier;
import io.rdphealth.probe.cert.CertificateDecoder;
import io.rdphealth.target.Target;
import io.rdphealth.testing.CertificateSpec;
import io.rdphealth.testing.HostilePeer;
import io.rdphealth.testing.LoopbackPorts;
import io.rdphealth.testing.MintedCertificate;
import io.rdphealth.testing.TestPki;
import io.rdphealth.testing.XrdpServer;
import io.rdphealth.testing.XrdpServer.SecurityLayer;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link ListenerCertificateReader} against a real xrdp 0.9 (negotiate, tls and rdp layers) on a
 * free loopback port, a closed port, and in-JVM hostile peers (no real server stays silent or
 * resets on demand). Every failure must be an IOException naming what the server did, within
 * the deadline.
 */
class ListenerCertificateReaderTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final ProbeOptions OPTIONS = ProbeOptions.defaults().withConnectTimeout(TIMEOUT)
            .withReadTimeout(TIMEOUT).withTargetDeadline(TIMEOUT.multipliedBy(2));
    /** The target deadline plus scheduling slack. */
    private static final long MAX_MILLIS = OPTIONS.targetDeadline().toMillis() + 1000;

    private final ListenerCertificateReader reader = new ListenerCertificateReader(OPTIONS);

    @Test
    void readsTheMintedCertificateFromXrdpOnEachTlsLayer() throws Exception {
        MintedCertificate minted = TestPki.selfSigned(CertificateSpec.valid());
        String sha1 = CertificateDecoder.thumbprint("SHA-1", minted.certificate().getEncoded());
        String sha256 = CertificateDecoder.thumbprint("SHA-256", minted.certificate().getEncoded());
        for (SecurityLayer layer : new SecurityLayer[] {SecurityLayer.NEGOTIATE, SecurityLayer.TLS}) {
            try (XrdpServer server = XrdpServer.builder().certificate(minted).securityLayer(layer).start()) {
                CertificateInfo served = reader.read(Target.of("127.0.0.1", server.port()));
                assertThat(served.sha256()).as(layer.iniValue()).isEqualTo(sha256);
                assertThat(served.sha1()).as(layer.iniValue()).isEqualTo(sha1);
                assertThat(served.notAfter()).isEqualTo(minted.certificate().getNotAfter().toInstant());
                // The Windows verifier is the same read, reduced to the SHA-1 thumbprint Windows pins.
                assertThat(new WireListenerVerifier(TIMEOUT).servedSha1Thumbprint(server.port())).isEqualTo(sha1);
            }
        }
    }

    @Test
    void aHostNameIsResolvedAndUsed() throws Exception {
        MintedCertificate minted = TestPki.selfSigned(CertificateSpec.valid());
        try (XrdpServer server = XrdpServer.builder().certificate(minted).start()) {
            CertificateInfo served = reader.read(Target.of("localhost", server.port()));
            assertThat(served.sha256()).isEqualTo(CertificateDecoder.thumbprint("SHA-256", minted.certificate().getEncoded()));
        }
    }

    @Test
    void aRefusedPortIsNamedAsRefused() {
        int closed = LoopbackPorts.freePort();
        long start = System.nanoTime();
        assertThatThrownBy(() -> reader.read(Target.of("127.0.0.1", closed)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("127.0.0.1:" + closed)
                .hasMessageContaining("cannot connect: connection refused");
        assertThat(millisSince(start)).isLessThan(MAX_MILLIS);
    }

    @Test
    void anRdpOnlyListenerSaysItOffersNoTls() {
        try (XrdpServer server = XrdpServer.builder().securityLayer(SecurityLayer.RDP).start()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> reader.read(Target.of("127.0.0.1", server.port())))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("127.0.0.1:" + server.port())
                    .hasMessageContaining("the server does not offer TLS, so it serves no certificate")
                    .hasMessageContaining("it selected standard RDP security although SSL|HYBRID was asked");
            assertThat(millisSince(start)).isLessThan(MAX_MILLIS);
        }
    }

    @Test
    void aSilentPeerEndsAtTheDeadline() {
        try (HostilePeer peer = HostilePeer.start(HostilePeer.Behaviour.SILENT)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> reader.read(Target.of("127.0.0.1", peer.port())))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("no X.224 confirm: the peer sent nothing before the deadline");
            assertThat(millisSince(start)).isLessThan(MAX_MILLIS);
        }
    }

    @Test
    void aResetDuringTheHandshakeIsAFailedHandshake() {
        try (HostilePeer peer = HostilePeer.start(HostilePeer.Behaviour.RESET_AFTER_CONFIRM)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> reader.read(Target.of("127.0.0.1", peer.port())))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("TLS handshake failed after the server selected SSL")
                    .hasMessageContaining("DROPPED");
            assertThat(millisSince(start)).isLessThan(MAX_MILLIS);
        }
    }

    @Test
    void aWebServerIsNotRdp() {
        try (HostilePeer peer = HostilePeer.start(HostilePeer.Behaviour.HTTP_BANNER)) {
            assertThatThrownBy(() -> reader.read(Target.of("127.0.0.1", peer.port())))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("no X.224 confirm: not an X.224 confirm")
                    .hasMessageContaining("NOT_RDP");
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
