package io.rdphealth.host.xrdp;

import io.rdphealth.testing.XrdpServer;
import static io.rdphealth.host.xrdp.XrdpHostSetup.checksums;
import static io.rdphealth.host.xrdp.XrdpHostSetup.clockAt;
import static io.rdphealth.host.xrdp.XrdpHostSetup.renewal;
import static io.rdphealth.host.xrdp.XrdpHostSetup.request;
import static io.rdphealth.host.xrdp.XrdpHostSetup.writePair;
import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.cert.KeyMaterial;
import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.fix.ChangeListener;
import io.rdphealth.fix.ChangeOutcome;
import io.rdphealth.fix.Step;
import io.rdphealth.probe.cert.CertificateDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renewal against a real xrdp (run as user xrdp on a loopback port). "Expired" is made by the
 * renewal's clock: the pair on disk is valid 10 days, the renewal runs 20 days ahead.
 */
class XrdpCertificateRenewalTest {
    private static final ServedCertificateSource WIRE = new WireServedCertificateSource();

    @TempDir
    Path dir;

    /** Lock, journal and backups live apart from the xrdp files, as /var/lib/rdphealth does. */
    @TempDir
    Path stateRoot;

    private Path cert() {
        return dir.resolve("cert.pem");
    }

    private Path key() {
        return dir.resolve("key.pem");
    }

    private Path state() {
        return stateRoot.resolve("state");
    }

    private static Clock future() {
        return clockAt(Instant.now().plus(Duration.ofDays(20)));
    }

    private String servedSha(XrdpServer xrdp) throws IOException {
        return WIRE.served("127.0.0.1", xrdp.port()).sha256();
    }

    private static String sha(KeyMaterial material) throws Exception {
        return new CertificateDecoder().describe(material.leaf()).sha256();
    }

    @Test
    void expiredCertificateIsRenewedVerifiedFromTheWireAndTheSecondRunIsANoOp() throws Exception {
        KeyMaterial old = writePair(cert(), key(), 10);
        try (XrdpServer xrdp = LocalXrdp.start(dir, cert(), key(), "tls")) {
            assertThat(servedSha(xrdp)).isEqualTo(sha(old));
            XrdpChangeResult result = renewal(state(), future(), WIRE, ChangeListener.SILENT).renew(request(xrdp.iniFile(), false));

            assertThat(result.status()).isEqualTo(XrdpChangeResult.Status.APPLIED);
            assertThat(result.reason()).contains("expired");
            assertThat(result.before().sha256()).isEqualTo(sha(old));
            assertThat(result.after().sha256()).isNotEqualTo(sha(old));
            assertThat(result.verification()).contains("serves the expected certificate " + result.after().sha256());
            assertThat(servedSha(xrdp)).isEqualTo(result.after().sha256());
            assertThat(result.after().signatureAlgorithm()).isEqualTo("SHA256withRSA");
            assertThat(result.after().keyBits()).isEqualTo(2048);
            assertThat(io.rdphealth.fix.FileOwnership.of(key()).mode()).isEqualTo(0640);
            assertThat(Files.list(state().resolve("backups")).toList()).hasSize(1);
            assertThat(state().resolve("journal.jsonl")).doesNotExist();

            Map<String, String> before = checksums(dir);
            XrdpChangeResult again = renewal(state(), future(), WIRE, ChangeListener.SILENT).renew(request(xrdp.iniFile(), false));
            assertThat(again.status()).isEqualTo(XrdpChangeResult.Status.NOTHING_TO_DO);
            assertThat(again.reason()).startsWith("nothing to do");
            assertThat(checksums(dir)).isEqualTo(before);
        }
    }

    @Test
    void failedWireVerificationRestoresTheOldPairWhichXrdpStillServes() throws Exception {
        KeyMaterial old = writePair(cert(), key(), 10);
        try (XrdpServer xrdp = LocalXrdp.start(dir, cert(), key(), "negotiate")) {
            Map<String, String> before = checksums(dir);
            ServedCertificateSource wrong = (host, port) -> {
                throw new IOException("injected: verifier sees nothing");
            };
            XrdpChangeResult result = renewal(state(), future(), wrong, ChangeListener.SILENT).renew(request(xrdp.iniFile(), false));

            assertThat(result.status()).isEqualTo(XrdpChangeResult.Status.ROLLED_BACK);
            ChangeOutcome.RolledBack outcome = (ChangeOutcome.RolledBack) result.outcome();
            assertThat(outcome.failedStep()).startsWith("verify from the wire");
            assertThat(outcome.reason()).contains("injected");
            assertThat(outcome.rollbackComplete()).isTrue();
            assertThat(outcome.undone()).hasSize(2);
            assertThat(checksums(dir)).isEqualTo(before);
            assertThat(servedSha(xrdp)).isEqualTo(sha(old));
        }
    }

    @Test
    void failedWriteOfTheKeyRestoresTheCertificateAlreadyWritten() throws Exception {
        KeyMaterial old = writePair(cert(), key(), 10);
        try (XrdpServer xrdp = LocalXrdp.start(dir, cert(), key(), "tls")) {
            Map<String, String> before = checksums(dir);
            ChangeListener failKeyWrite = new ChangeListener() {
                @Override
                public void beforeStep(int index, Step step) throws IOException {
                    if (index == 1) {
                        throw new IOException("injected: disk full while writing the key");
                    }
                }
            };
            XrdpChangeResult result = renewal(state(), future(), WIRE, failKeyWrite).renew(request(xrdp.iniFile(), false));

            assertThat(result.status()).isEqualTo(XrdpChangeResult.Status.ROLLED_BACK);
            assertThat(((ChangeOutcome.RolledBack) result.outcome()).reason()).contains("disk full");
            assertThat(checksums(dir)).isEqualTo(before);
            assertThat(servedSha(xrdp)).isEqualTo(sha(old));
        }
    }

    @Test
    void dryRunChangesNoFile() throws Exception {
        writePair(cert(), key(), 10);
        try (XrdpServer xrdp = LocalXrdp.start(dir, cert(), key(), "tls")) {
            Map<String, String> before = checksums(dir);
            XrdpChangeResult result = renewal(state(), future(), WIRE, ChangeListener.SILENT).renew(request(xrdp.iniFile(), true));

            assertThat(result.status()).isEqualTo(XrdpChangeResult.Status.PLANNED);
            assertThat(result.plan()).anySatisfy(step -> assertThat(step).contains("write the key to " + key()));
            assertThat(result.plan()).anySatisfy(step -> assertThat(step).contains("verify from the wire: 127.0.0.1:" + xrdp.port()));
            assertThat(checksums(dir)).isEqualTo(before);
            assertThat(state()).doesNotExist();
        }
    }

    /** A process killed after writing the certificate leaves a mismatched pair; the next run undoes it, then renews. */
    @Test
    void aRunKilledBetweenStepsIsRecoveredByTheNextRun() throws Exception {
        KeyMaterial old = writePair(cert(), key(), 10);
        try (XrdpServer xrdp = LocalXrdp.start(dir, cert(), key(), "tls")) {
            Map<String, String> before = checksums(dir);
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), KilledRenewalMain.class.getName(),
                    xrdp.iniFile().toString(), state().toString(), "0")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.txt").toFile()).start();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(Files.readString(dir.resolve("child.txt"))).isEqualTo(KilledRenewalMain.HALTED);
            assertThat(state().resolve("journal.jsonl")).exists();
            assertThat(checksums(dir).get(cert().toString())).isNotEqualTo(before.get(cert().toString()));

            XrdpChangeResult result = renewal(state(), future(), WIRE, ChangeListener.SILENT).renew(request(xrdp.iniFile(), false));

            assertThat(result.recovery().needed()).isTrue();
            assertThat(result.recovery().complete()).isTrue();
            assertThat(result.recovery().undone()).singleElement().asString().startsWith("write the certificate");
            assertThat(result.before().sha256()).isEqualTo(sha(old));
            assertThat(result.status()).isEqualTo(XrdpChangeResult.Status.APPLIED);
            assertThat(servedSha(xrdp)).isEqualTo(result.after().sha256());
        }
    }

    @Test
    void concurrentRenewalsSerializeAndOnlyOneChangesTheHost() throws Exception {
        writePair(cert(), key(), 10);
        try (XrdpServer xrdp = LocalXrdp.start(dir, cert(), key(), "tls")) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Callable<XrdpChangeResult>> runs = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    runs.add(() -> renewal(state(), future(), WIRE, ChangeListener.SILENT).renew(request(xrdp.iniFile(), false)));
                }
                List<XrdpChangeResult> results = new ArrayList<>();
                for (Future<XrdpChangeResult> future : pool.invokeAll(runs, 120, TimeUnit.SECONDS)) {
                    results.add(future.get());
                }
                assertThat(results).filteredOn(r -> r.status() == XrdpChangeResult.Status.APPLIED).hasSize(1);
                assertThat(results).filteredOn(r -> r.status() == XrdpChangeResult.Status.NOTHING_TO_DO).hasSize(2);
                CertificateInfo installed = results.stream().filter(r -> r.status() == XrdpChangeResult.Status.APPLIED)
                        .findFirst().orElseThrow().after();
                assertThat(servedSha(xrdp)).isEqualTo(installed.sha256());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
