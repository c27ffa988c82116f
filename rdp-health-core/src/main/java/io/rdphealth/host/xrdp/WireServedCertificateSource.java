package io.rdphealth.host.xrdp;

import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.probe.ListenerCertificateReader;
import io.rdphealth.probe.ProbeOptions;
import io.rdphealth.target.Target;
import java.io.IOException;
import java.time.Duration;

/**
 * The real wire verification: one connection through the project's {@link ListenerCertificateReader}
 * (X.224 asking SSL|HYBRID, TLS handshake with BouncyCastle), with short deadlines because the
 * listener is on this host.
 */
public final class WireServedCertificateSource implements ServedCertificateSource {
    private final ListenerCertificateReader reader;

    public WireServedCertificateSource(Duration timeout) {
        this.reader = new ListenerCertificateReader(ProbeOptions.defaults().withConnectTimeout(timeout)
                .withReadTimeout(timeout).withTargetDeadline(timeout.multipliedBy(3)));
    }

    public WireServedCertificateSource() {
        this(Duration.ofSeconds(3));
    }

    @Override
    public CertificateInfo served(String host, int port) throws IOException {
        return reader.read(Target.of(host, port));
    }
}
