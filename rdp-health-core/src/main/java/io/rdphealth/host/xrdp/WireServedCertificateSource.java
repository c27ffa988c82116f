package io.rdphealth.host.xrdp;

import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.probe.ProbeOptions;
import io.rdphealth.probe.WireProbe;
import io.rdphealth.report.TargetResult;
import io.rdphealth.target.Target;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The real wire verification: the project's {@link WireProbe} (X.224 asking SSL, TLS handshake
 * with BouncyCastle), reduced to the main handshake (no version scan, no CredSSP), with short
 * deadlines because the listener is on this host.
 */
public final class WireServedCertificateSource implements ServedCertificateSource {
    private final ProbeOptions options;

    public WireServedCertificateSource(Duration timeout) {
        this.options = ProbeOptions.defaults().withConnectTimeout(timeout).withReadTimeout(timeout)
                .withTargetDeadline(timeout.multipliedBy(3)).withScanTlsVersions(false).withCredSsp(false);
    }

    public WireServedCertificateSource() {
        this(Duration.ofSeconds(3));
    }

    @Override
    public CertificateInfo served(String host, int port) throws IOException {
        ExecutorService io = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "rdphealth-verify");
            thread.setDaemon(true);
            return thread;
        });
        try {
            TargetResult result = new WireProbe(options, Clock.systemUTC(), io).probe(Target.of(host, port));
            if (result.addresses().isEmpty()) {
                throw new IOException(host + " did not resolve");
            }
            WireEvidence evidence = result.addresses().get(0);
            if (evidence.certificate() != null) {
                return evidence.certificate().leaf();
            }
            throw new IOException("no certificate served on " + host + ":" + port + ": " + describe(evidence));
        } finally {
            io.shutdownNow();
        }
    }

    private static String describe(WireEvidence evidence) {
        if (evidence.tls() != null && evidence.tls().failure() != null) {
            return "TLS handshake failed (" + evidence.tls().failure() + ")";
        }
        if (evidence.preferred() != null) {
            if (evidence.preferred().failure() != null) {
                return "negotiation failed (" + evidence.preferred().failure() + ")";
            }
            return "the server answered " + evidence.preferred().confirm();
        }
        return "TCP: " + evidence.tcp();
    }
}
