package io.rdphealth.host.xrdp;

import io.rdphealth.testing.XrdpServer;
import static io.rdphealth.host.xrdp.XrdpHostSetup.checksums;
import static io.rdphealth.host.xrdp.XrdpHostSetup.writePair;
import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.cert.KeyMaterial;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Severity;
import io.rdphealth.fix.ChangeListener;
import io.rdphealth.fix.ChangeRunner;
import io.rdphealth.fix.FileOwnership;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.probe.cert.CertificateDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inspection and key-permission repair against a real xrdp running as user xrdp. */
class XrdpInspectionAndRepairTest {
    private static final ServedCertificateSource WIRE = new WireServedCertificateSource();

    @TempDir
    Path dir;

    @TempDir
    Path stateRoot;

    private final XrdpInspector inspector = new XrdpInspector(HostPaths.system(), new OpenSslCipherCheck(),
            Clock.systemUTC());

    private List<Finding> findings(Path ini) {
        return XrdpFindingRules.findings(inspector.inspect(ini, null), SeverityPolicy.defaults());
    }

    private XrdpKeyPermissionRepair repair() {
        return new XrdpKeyPermissionRepair(inspector, new ChangeRunner(stateRoot, ChangeListener.SILENT,
                Duration.ofSeconds(30)), WIRE);
    }

    @Test
    void healthyRunningXrdpHasOnlyTheSelfSignedNote() throws Exception {
        writePair(dir.resolve("cert.pem"), dir.resolve("key.pem"), 365);
        try (XrdpServer xrdp = LocalXrdp.start(dir, dir.resolve("cert.pem"), dir.resolve("key.pem"), "tls")) {
            XrdpHostFacts facts = inspector.inspect(xrdp.iniFile(), null);
            assertThat(facts.listener().isXrdp()).isTrue();
            assertThat(facts.identity().user()).isEqualTo("xrdp");
            assertThat(facts.identity().source()).isEqualTo("running process " + xrdp.pid());
            assertThat(facts.pairUsable()).isTrue();
            assertThat(findings(xrdp.iniFile())).extracting(Finding::id).containsExactly(FindingId.CERT_SELF_SIGNED);
        }
    }

    /** Key root:root 0600 and xrdp as user xrdp: negotiate silently downgrades; repair fixes it, verified on the wire. */
    @Test
    void unreadableKeyIsFoundAndRepairedAndTheListenerThenServesTls() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        KeyMaterial pair = writePair(cert, key, 365);
        new FileOwnership(0, 0, 0600).applyTo(key);
        try (XrdpServer xrdp = LocalXrdp.start(dir, cert, key, "negotiate")) {
            List<Finding> before = findings(xrdp.iniFile());
            Finding unreadable = before.stream().filter(f -> f.id() == FindingId.XRDP_KEY_UNREADABLE).findFirst().orElseThrow();
            assertThat(unreadable.severity()).isEqualTo(Severity.ERROR);
            assertThat(unreadable.summary()).contains("silently downgrades");
            assertThat(unreadable.evidence()).anySatisfy(e -> assertThat(e).contains("cannot read " + key));
            assertThat(unreadable.fix().automatedBy()).isEqualTo("repair-key-permissions");

            XrdpChangeResult result = repair().repair(xrdp.iniFile(), false);

            assertThat(result.status()).as(result.toString()).isEqualTo(XrdpChangeResult.Status.APPLIED);
            assertThat(FileOwnership.of(key)).isEqualTo(new FileOwnership(0, XrdpHostSetup.XRDP_GID, 0640));
            assertThat(result.verification()).contains("serves the expected certificate");
            assertThat(WIRE.served("127.0.0.1", xrdp.port()).sha256())
                    .isEqualTo(new CertificateDecoder().describe(pair.leaf()).sha256());
            assertThat(findings(xrdp.iniFile())).extracting(Finding::id).doesNotContain(FindingId.XRDP_KEY_UNREADABLE);
            assertThat(repair().repair(xrdp.iniFile(), false).status()).isEqualTo(XrdpChangeResult.Status.NOTHING_TO_DO);
        }
    }

    /** Debian's layout: key.pem is a link into a directory xrdp cannot enter; the link becomes a private copy. */
    @Test
    void aLinkIntoAClosedDirectoryIsReplacedByAPrivateCopyAndTheTargetIsUntouched() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("private"));
        new FileOwnership(0, 0, 0710).applyTo(shared);
        Path cert = dir.resolve("cert.pem");
        Path sharedKey = shared.resolve("snakeoil.key");
        writePair(cert, sharedKey, 365);
        new FileOwnership(0, 0, 0640).applyTo(sharedKey);
        Path key = Files.createSymbolicLink(dir.resolve("key.pem"), sharedKey);
        try (XrdpServer xrdp = LocalXrdp.start(dir, cert, key, "tls")) {
            Finding unreadable = findings(xrdp.iniFile()).stream().filter(f -> f.id() == FindingId.XRDP_KEY_UNREADABLE)
                    .findFirst().orElseThrow();
            assertThat(unreadable.severity()).as("TLS-only: nobody can connect").isEqualTo(Severity.CRITICAL);
            assertThat(unreadable.evidence()).anySatisfy(e -> assertThat(e).contains("cannot enter directory " + shared));
            Map<String, String> sharedBefore = checksums(shared);

            XrdpChangeResult dry = repair().repair(xrdp.iniFile(), true);
            assertThat(dry.status()).isEqualTo(XrdpChangeResult.Status.PLANNED);
            assertThat(Files.isSymbolicLink(key)).isTrue();

            XrdpChangeResult result = repair().repair(xrdp.iniFile(), false);
            assertThat(result.status()).as(result.toString()).isEqualTo(XrdpChangeResult.Status.APPLIED);
            assertThat(Files.isSymbolicLink(key)).isFalse();
            assertThat(Files.readString(key)).isEqualTo(Files.readString(sharedKey));
            assertThat(checksums(shared)).isEqualTo(sharedBefore);
            assertThat(result.verification()).contains("serves the expected certificate");
        }
    }

    @Test
    void stoppedXrdpMismatchedPairAndMissingFilesAreReported() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        writePair(cert, key, 365);
        writePair(dir.resolve("other.pem"), key, 365);
        Path ini = dir.resolve("xrdp.iniFile()");
        Files.writeString(ini, "[Globals]\nport=tcp://.:1\nsecurity_layer=tls\ncertificate=" + cert + "\nkey_file=" + key
                + "\n[Logging]\nLogFile=" + dir.resolve("none.log") + "\n");
        List<Finding> findings = findings(ini);
        assertThat(findings).extracting(Finding::id).contains(FindingId.XRDP_NOT_RUNNING, FindingId.XRDP_CERT_KEY_MISMATCH);
        assertThat(findings.get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(findings).allSatisfy(f -> assertThat(f.fix().steps()).isNotEmpty());

        Files.delete(key);
        assertThat(findings(ini)).extracting(Finding::id).contains(FindingId.XRDP_CERT_MISSING);

        Files.writeString(ini, "[Globals]\nport=3389\nsecurity_layer=maybe\n");
        Finding invalid = findings(ini).get(0);
        assertThat(invalid.id()).isEqualTo(FindingId.XRDP_CONFIG_INVALID);
        assertThat(invalid.summary()).contains("line 3");

        Files.writeString(ini, "[Globals]\nport=tcp://.:1\nssl_protocols=TLSv1, TLSv1.1\ntls_ciphers=NOSUCHCIPHER\n");
        assertThat(findings(ini)).extracting(Finding::id).contains(FindingId.XRDP_TLS_PROTOCOLS_RESTRICTED);
    }
}
