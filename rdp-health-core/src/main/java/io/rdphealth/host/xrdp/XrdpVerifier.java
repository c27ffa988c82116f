package io.rdphealth.host.xrdp;

import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.fix.StepFailedException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Verification after a change: locally (the files parse, match and xrdp's user can read them) and
 * from the wire (the listener serves the expected certificate over TLS).
 */
final class XrdpVerifier {
    private static final Duration RESTART_WAIT = Duration.ofSeconds(15);

    private final XrdpInspector inspector;
    private final ServedCertificateSource wire;
    private final Optional<XrdpRestarter> restarter;

    XrdpVerifier(XrdpInspector inspector, ServedCertificateSource wire, Optional<XrdpRestarter> restarter) {
        this.inspector = inspector;
        this.wire = wire;
        this.restarter = restarter;
    }

    /** Whether a wire check is possible for this host state, and if not, why not (null when possible). */
    static String wireUnavailable(XrdpHostFacts facts) {
        XrdpConfig config = facts.config();
        if (!config.securityLayer().usesCertificate()) {
            return "security_layer=rdp: xrdp serves no certificate";
        }
        if (!config.listen().isTcp()) {
            return "listener " + config.listen().raw() + " is not TCP";
        }
        if (!facts.listener().isXrdp()) {
            return "xrdp is not running (" + facts.listener().detail() + ")";
        }
        return null;
    }

    void checkLocally(Path iniPath, String expectedSha256) throws StepFailedException {
        XrdpHostFacts facts = inspector.inspect(iniPath, null);
        if (!facts.pairUsable()) {
            throw new StepFailedException("the pair in place is not usable: certificate " + facts.certificateFile().describe()
                    + (facts.certificateProblem() == null ? "" : " (" + facts.certificateProblem() + ")")
                    + ", key " + facts.keyFile().describe()
                    + (facts.keyProblem() == null ? "" : " (" + facts.keyProblem() + ")")
                    + (facts.keyFile().denial() == null ? "" : " (" + facts.keyFile().denial() + ")")
                    + ", match " + facts.pairMatches());
        }
        if (expectedSha256 != null && !expectedSha256.equals(facts.certificate().sha256())) {
            throw new StepFailedException("the certificate file holds " + facts.certificate().sha256() + ", expected "
                    + expectedSha256);
        }
    }

    /**
     * Reads the served certificate and requires {@code expectedSha256}; when the old one is still
     * served and a restarter exists, restarts xrdp once and reads again.
     *
     * @return what was verified, for the report
     */
    String checkWire(String host, int port, String expectedSha256, String oldSha256) throws StepFailedException {
        CertificateInfo served = read(host, port);
        if (expectedSha256.equals(served.sha256())) {
            return "the listener " + host + ":" + port + " serves the expected certificate " + served.sha256();
        }
        if (served.sha256().equals(oldSha256) && restarter.isPresent()) {
            try {
                restarter.get().restart();
            } catch (IOException e) {
                throw new StepFailedException("the old certificate is still served and the restart failed: " + e.getMessage(), e);
            }
            long deadline = System.nanoTime() + RESTART_WAIT.toNanos();
            StepFailedException last = null;
            while (System.nanoTime() < deadline) {
                try {
                    served = read(host, port);
                    if (expectedSha256.equals(served.sha256())) {
                        return "after " + restarter.get().describe() + " the listener " + host + ":" + port
                                + " serves the expected certificate " + served.sha256();
                    }
                } catch (StepFailedException e) {
                    last = e;
                }
                sleep();
            }
            throw new StepFailedException("after a restart the listener still does not serve " + expectedSha256
                    + (last == null ? " (it serves " + served.sha256() + ")" : " (" + last.getMessage() + ")"));
        }
        throw new StepFailedException("the listener " + host + ":" + port + " serves " + served.sha256()
                + ", expected " + expectedSha256);
    }

    private CertificateInfo read(String host, int port) throws StepFailedException {
        try {
            return wire.served(host, port);
        } catch (IOException e) {
            throw new StepFailedException("cannot read the served certificate from " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
