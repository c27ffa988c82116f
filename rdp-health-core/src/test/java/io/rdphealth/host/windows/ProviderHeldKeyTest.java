package io.rdphealth.host.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.host.windows.fixes.FixContext;
import io.rdphealth.host.windows.fixes.FixRefusedException;
import io.rdphealth.host.windows.fixes.FixSettings;
import io.rdphealth.host.windows.fixes.RepairKeyAcl;
import io.rdphealth.host.windows.rules.WindowsRuleContext;
import io.rdphealth.host.windows.rules.WindowsRules;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A pinned certificate whose key a smart card or the TPM holds (a CNG provider other than the
 * software KSP: no key file). Inspected on the scripted port that stands in for Windows: the
 * certificate is still read and judged, its key access is not (no false CERT_KEY_MISSING), and
 * repair-key-acl refuses, naming the provider.
 */
class ProviderHeldKeyTest {
    private static final String PROVIDER = "Microsoft Platform Crypto Provider";

    /** The cng-key-acl-broken host with the pinned certificate's key moved into the TPM provider. */
    private static WindowsHostFacts tpmHost() {
        WindowsHostFacts facts = Snapshots.load("cng-key-acl-broken");
        List<StoreCertificate> certificates = facts.certificates().stream()
                .map(c -> c.store().equals("My")
                        ? new StoreCertificate(c.store(), c.certificate(), new KeyContainer(c.key().containerName(), PROVIDER,
                                null, true, null, KeyStorage.CNG_PROVIDER_HELD))
                        : c)
                .toList();
        return new WindowsHostFacts(1, facts.collectedAt(), facts.computerName(), facts.machineGuid(), facts.listener(),
                certificates, facts.machineKeys(), facts.services(), facts.firewall(), facts.schannel(), facts.cryptoPolicy(),
                facts.events(), List.of(), facts.cngKeys());
    }

    private static Clock clockOf(WindowsHostFacts facts) {
        return Clock.fixed(facts.collectedAt(), ZoneOffset.UTC);
    }

    @Test
    void inspectionKeepsTheCertificateAndRecordsTheProvider() {
        WindowsHostFacts host = tpmHost();
        ScriptedWindowsPort port = ScriptedWindowsPort.from(host, clockOf(host));

        WindowsHostFacts inspected = new WindowsInspector(port, clockOf(host)).inspect();

        KeyContainer key = inspected.certificatesIn("My").get(0).key();
        assertThat(key.storage()).isEqualTo(KeyStorage.CNG_PROVIDER_HELD);
        assertThat(key.uniqueName()).isEqualTo(PROVIDER);
        assertThat(key.path()).isNull();
        assertThat(key.exists()).isTrue();
        assertThat(port.calls()).noneMatch(call -> call.startsWith("readSecurityDescriptor") && call.contains("Crypto\\Keys\\"));
    }

    @Test
    void keyAccessIsNotJudgedSoNoFalseMissingKey() {
        WindowsHostFacts host = tpmHost();
        List<Finding> findings = new WindowsRules().evaluate(host, WindowsRuleContext.at(host.collectedAt()));

        assertThat(findings).extracting(Finding::id)
                .doesNotContain(FindingId.CERT_KEY_MISSING, FindingId.CERT_KEY_ACCESS_DENIED);
        // The same host with the software KSP key is judged: the edit is what changed the verdict.
        WindowsHostFacts software = Snapshots.load("cng-key-acl-broken");
        assertThat(new WindowsRules().evaluate(software, WindowsRuleContext.at(software.collectedAt())))
                .extracting(Finding::id).contains(FindingId.CERT_KEY_ACCESS_DENIED);
    }

    @Test
    void snapshotRoundTripKeepsTheStorage() throws Exception {
        WindowsFactsJson json = new WindowsFactsJson();
        WindowsHostFacts again = json.parse(json.write(tpmHost()));

        KeyContainer key = again.certificatesIn("My").get(0).key();
        assertThat(key.storage()).isEqualTo(KeyStorage.CNG_PROVIDER_HELD);
        assertThat(key.uniqueName()).isEqualTo(PROVIDER);
        assertThat(key.path()).isNull();
    }

    @Test
    void repairKeyAclRefusesNamingTheProvider() {
        WindowsHostFacts host = tpmHost();
        ScriptedWindowsPort port = ScriptedWindowsPort.from(host, clockOf(host));
        FixContext context = new FixContext(port, new WindowsInspector(port, clockOf(host)).inspect(), port.verifier(),
                clockOf(host), new FixSettings(Duration.ofSeconds(1), Duration.ZERO, Duration.ofMillis(1)));

        assertThatThrownBy(() -> RepairKeyAcl.plan(context)).isInstanceOf(FixRefusedException.class)
                .hasMessageContaining(PROVIDER).hasMessageContaining("no key file");
        assertThat(port.mutations()).isZero();
    }
}
