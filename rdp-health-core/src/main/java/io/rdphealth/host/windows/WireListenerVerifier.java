package io.rdphealth.host.windows;

import io.rdphealth.probe.ListenerCertificateReader;
import io.rdphealth.probe.ProbeOptions;
import io.rdphealth.target.Target;
import java.io.IOException;
import java.time.Duration;

/**
 * The real {@link ListenerVerifier}: reads the certificate the local listener serves on
 * {@code 127.0.0.1:port} with the project's {@link ListenerCertificateReader} (one connection,
 * X.224 asking SSL|HYBRID, TLS handshake). Short deadlines: the listener is on this host.
 */
public final class WireListenerVerifier implements ListenerVerifier {
    /** TermService listens on every address (IPv4 included), so the loopback literal reaches it. */
    static final String LOOPBACK = "127.0.0.1";

    private final ListenerCertificateReader reader;

    public WireListenerVerifier(Duration timeout) {
        this.reader = new ListenerCertificateReader(ProbeOptions.defaults().withConnectTimeout(timeout)
                .withReadTimeout(timeout).withTargetDeadline(timeout.multipliedBy(3)));
    }

    public WireListenerVerifier() {
        this(Duration.ofSeconds(3));
    }

    @Override
    public String servedSha1Thumbprint(int port) throws IOException {
        return reader.read(Target.of(LOOPBACK, port)).sha1();
    }
}
