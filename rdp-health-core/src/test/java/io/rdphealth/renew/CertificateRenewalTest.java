package io.rdphealth.renew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.host.windows.ScriptedWindowsPort;
import io.rdphealth.host.windows.Snapshots;
import io.rdphealth.host.windows.WindowsHostFacts;
import io.rdphealth.host.windows.fixes.FixSettings;
import io.rdphealth.probe.ListenerCertificateReader;
import io.rdphealth.probe.ProbeOptions;
import io.rdphealth.probe.cert.CertificateDecoder;
import io.rdphealth.report.ReportJson;
import io.rdphealth.target.Target;
import io.rdphealth.testing.CertificateSpec;
import io.rdphealth.testing.MintedCertificate;
import io.rdphealth.testing.TestPki;
import io.rdphealth.testing.XrdpServer;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The renewal facade end to end. xrdp: a real xrdp 0.9 from the fixture on a free loopback port,
 * its certificate files in the fixture's directory, verification from the wire. Windows: the
 * {@link ScriptedWindowsPort} stand-in (JNA cannot run here), driven from the shipped synthetic
 * snapshot {@code expired-cert}.
 */
class CertificateRenewalTest {
    @TempDir
    Path state;

    private final List<String> progress = new ArrayList<>();

    private CertificateRenewal xrdp(XrdpServer server) {
        return CertificateRenewal.builder().osName("Linux").xrdpConfig(server.iniFile()).xrdpStateDir(state.resolve("s"))
                .lockWait(Duration.ofSeconds(10)).noXrdpRestart().build();
    }

    private static String served(int port) throws Exception {
        return new ListenerCertificateReader(ProbeOptions.defaults()).read(Target.of("127.0.0.1", port)).sha256();
    }

    private static String sha256(MintedCertificate minted) throws Exception {
        return CertificateDecoder.thumbprint("SHA-256", minted.certificate().getEncoded());
    }

    @Test
    void autoOnLinuxRenewsAnExpiredXrdpCertificateVerifiesItAndTheSecondRunIsNotNeeded() throws Exception {
        MintedCertificate expired = TestPki.selfSigned(CertificateSpec.expired());
        try (XrdpServer server = XrdpServer.builder().certificate(expired).start()) {
            assertThat(served(server.port())).isEqualTo(sha256(expired));
            CertificateRenewal renewal = xrdp(server);

            RenewalResult first = renewal.renew(new RenewalRequest(RenewalPlatform.AUTO, server.port(), 30, false, false, null),
                    progress::add);

            assertThat(first.platform()).isEqualTo("xrdp");
            assertThat(first.action()).as(first.toString()).isEqualTo(RenewalAction.RENEWED);
            assertThat(first.reason()).contains("expired on");
            assertThat(first.before().sha256()).isEqualTo(sha256(expired));
            assertThat(first.after().sha256()).isNotEqualTo(first.before().sha256());
            assertThat(served(server.port())).as("the listener serves the new certificate").isEqualTo(first.after().sha256());
            assertThat(first.steps()).anyMatch(s -> s.startsWith("verified: the listener 127.0.0.1:" + server.port()
                    + " serves the expected certificate " + first.after().sha256()));
            assertThat(progress).anyMatch(line -> line.startsWith("step 1: ")).anyMatch(line -> line.startsWith("APPLIED: "));
            byte[] cert = Files.readAllBytes(server.certFile());
            byte[] key = Files.readAllBytes(server.keyFile());

            RenewalResult second = renewal.renew(new RenewalRequest(RenewalPlatform.XRDP, server.port(), 30, false, false, null),
                    RenewalProgress.SILENT);

            assertThat(second.action()).isEqualTo(RenewalAction.NOT_NEEDED);
            assertThat(second.reason()).startsWith("nothing to do");
            assertThat(Files.readAllBytes(server.certFile())).isEqualTo(cert);
            assertThat(Files.readAllBytes(server.keyFile())).isEqualTo(key);
        }
    }

    @Test
    void dryRunPlansAndChangesNoFile() throws Exception {
        MintedCertificate expired = TestPki.selfSigned(CertificateSpec.expired());
        try (XrdpServer server = XrdpServer.builder().certificate(expired).start()) {
            byte[] cert = Files.readAllBytes(server.certFile());
            byte[] key = Files.readAllBytes(server.keyFile());

            RenewalResult result = xrdp(server).renew(
                    new RenewalRequest(RenewalPlatform.XRDP, server.port(), 30, false, true, null), progress::add);

            assertThat(result.action()).isEqualTo(RenewalAction.PLANNED);
            assertThat(result.steps()).anyMatch(s -> s.startsWith("verify from the wire: 127.0.0.1:" + server.port()));
            assertThat(Files.readAllBytes(server.certFile())).isEqualTo(cert);
            assertThat(Files.readAllBytes(server.keyFile())).isEqualTo(key);
            assertThat(state.resolve("s")).doesNotExist();
            assertThat(served(server.port())).isEqualTo(sha256(expired));
        }
    }

    @Test
    void aSuppliedPkcs12IsInstalledAndAWrongPasswordIsRefused() throws Exception {
        MintedCertificate current = TestPki.selfSigned(CertificateSpec.valid());
        MintedCertificate wanted = TestPki.selfSigned(CertificateSpec.valid());
        byte[] pkcs12 = pkcs12(wanted, "s3cret".toCharArray());
        try (XrdpServer server = XrdpServer.builder().certificate(current).start()) {
            RenewalResult wrong = xrdp(server).renew(new RenewalRequest(RenewalPlatform.XRDP, server.port(), 30, false, false,
                    new SuppliedCertificate(pkcs12.clone(), "wrong".toCharArray())), RenewalProgress.SILENT);
            assertThat(wrong.action()).isEqualTo(RenewalAction.REFUSED);
            assertThat(wrong.reason()).startsWith("cannot read the supplied PKCS#12");
            assertThat(served(server.port())).isEqualTo(sha256(current));

            RenewalResult installed = xrdp(server).renew(new RenewalRequest(RenewalPlatform.XRDP, server.port(), 30, false,
                    false, new SuppliedCertificate(pkcs12.clone(), "s3cret".toCharArray())), RenewalProgress.SILENT);

            assertThat(installed.action()).as(installed.toString()).isEqualTo(RenewalAction.INSTALLED);
            assertThat(installed.after().sha256()).isEqualTo(sha256(wanted));
            assertThat(served(server.port())).isEqualTo(sha256(wanted));
        }
    }

    @Test
    void aPortOtherThanTheConfiguredListenerIsRefusedBeforeAnyChange() throws Exception {
        MintedCertificate expired = TestPki.selfSigned(CertificateSpec.expired());
        try (XrdpServer server = XrdpServer.builder().certificate(expired).start()) {
            int other = server.port() == 65000 ? 65001 : 65000;
            RenewalResult result = xrdp(server).renew(new RenewalRequest(RenewalPlatform.XRDP, other, 30, true, false, null),
                    RenewalProgress.SILENT);
            assertThat(result.action()).isEqualTo(RenewalAction.REFUSED);
            assertThat(result.reason()).contains("configures the listener on port " + server.port() + ", not " + other);
            assertThat(served(server.port())).isEqualTo(sha256(expired));
        }
    }

    @Test
    void autoOnWindowsRenewsTheExpiredSelfSignedCertificateThenFindsNothingToDo() throws Exception {
        WindowsHostFacts facts = Snapshots.load("expired-cert");
        Clock clock = Clock.fixed(facts.collectedAt(), ZoneOffset.UTC);
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clock);
        CertificateRenewal renewal = CertificateRenewal.builder().osName("Windows Server 2022").windowsPort(() -> port)
                .windowsVerifier(port.verifier()).clock(clock).windowsStateDir(state)
                .windowsSettings(new FixSettings(Duration.ofSeconds(1), Duration.ZERO, Duration.ofMillis(1))).build();
        int listenerPort = facts.listener().effectivePort();

        RenewalResult planned = renewal.renew(new RenewalRequest(RenewalPlatform.AUTO, listenerPort, 30, false, true, null),
                RenewalProgress.SILENT);
        assertThat(planned.action()).isEqualTo(RenewalAction.PLANNED);
        assertThat(planned.steps()).anyMatch(s -> s.contains("restart SessionEnv and TermService"));
        assertThat(port.mutations()).isZero();

        RenewalResult renewed = renewal.renew(new RenewalRequest(RenewalPlatform.AUTO, listenerPort, 30, false, false, null),
                progress::add);
        assertThat(renewed.platform()).isEqualTo("windows");
        assertThat(renewed.action()).as(renewed.toString()).isEqualTo(RenewalAction.RENEWED);
        assertThat(renewed.after().sha1()).isNotEqualTo(renewed.before().sha1());
        assertThat(port.verifier().servedSha1Thumbprint(listenerPort)).isEqualTo(renewed.after().sha1());
        assertThat(progress).anyMatch(line -> line.startsWith("verified: now serving " + renewed.after().sha1()));
        int mutations = port.mutations();

        RenewalResult again = renewal.renew(new RenewalRequest(RenewalPlatform.WINDOWS, 0, 30, false, false, null),
                RenewalProgress.SILENT);
        assertThat(again.action()).isEqualTo(RenewalAction.NOT_NEEDED);
        assertThat(port.mutations()).isEqualTo(mutations);

        RenewalResult wrongPort = renewal.renew(new RenewalRequest(RenewalPlatform.WINDOWS, listenerPort + 1, 30, true,
                false, null), RenewalProgress.SILENT);
        assertThat(wrongPort.action()).isEqualTo(RenewalAction.REFUSED);
        assertThat(wrongPort.reason()).contains("configured for port " + listenerPort);
    }

    @Test
    void windowsOnLinuxIsRefusedWithAClearReason() throws Exception {
        RenewalResult result = CertificateRenewal.builder().osName("Linux").build()
                .renew(new RenewalRequest(RenewalPlatform.WINDOWS, 3389, 30, false, true, null), RenewalProgress.SILENT);
        assertThat(result.action()).isEqualTo(RenewalAction.REFUSED);
        assertThat(result.reason()).contains("runs only on Windows");
    }

    @Test
    void theResultRoundTripsThroughTheReportMapper() throws Exception {
        CertificateInfo info = new CertificateDecoder().describe(TestPki.selfSigned(CertificateSpec.valid()).certificate());
        RenewalResult result = new RenewalResult("xrdp", RenewalAction.ROLLED_BACK, "expired", info, info,
                List.of("step 1", "rolled back"), "the listener serves the old certificate", true);
        String json = new ReportJson().mapper().writeValueAsString(result);
        assertThat(json).containsPattern("\"action\"\\s*:\\s*\"ROLLED_BACK\"").doesNotContain("rolledBack").doesNotContain("succeeded");
        RenewalResult read = new ReportJson().mapper().readValue(json, RenewalResult.class);
        assertThat(read).isEqualTo(result);
        assertThat(read.rolledBack()).isTrue();
    }

    @Test
    void platformAndRequestValidation() {
        assertThat(RenewalPlatform.parse(" Windows ")).isEqualTo(RenewalPlatform.WINDOWS);
        assertThat(RenewalPlatform.parse(null)).isEqualTo(RenewalPlatform.AUTO);
        assertThat(RenewalPlatform.AUTO.resolve("Windows 11")).isEqualTo(RenewalPlatform.WINDOWS);
        assertThat(RenewalPlatform.AUTO.resolve("Linux")).isEqualTo(RenewalPlatform.XRDP);
        assertThatThrownBy(() -> RenewalPlatform.parse("macos")).hasMessage("unknown platform 'macos' (expected auto, windows or xrdp)");
        assertThatThrownBy(() -> new RenewalRequest(RenewalPlatform.XRDP, 70000, 30, false, false, null))
                .hasMessageContaining("port must be 1..65535");
        assertThat(new SuppliedCertificate(new byte[] {1, 2}, "pw".toCharArray()).toString()).doesNotContain("pw");
    }

    private static byte[] pkcs12(MintedCertificate minted, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("rdp", minted.privateKey(), password, minted.fullChain().toArray(new Certificate[0]));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, password);
        return bytes.toByteArray();
    }
}
