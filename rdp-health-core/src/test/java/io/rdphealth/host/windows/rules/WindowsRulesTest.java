package io.rdphealth.host.windows.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Severity;
import io.rdphealth.host.windows.CryptoPolicy;
import io.rdphealth.host.windows.FirewallBlockRule;
import io.rdphealth.host.windows.FirewallFacts;
import io.rdphealth.host.windows.FirewallProfile;
import io.rdphealth.host.windows.KeyContainer;
import io.rdphealth.host.windows.ListenerSettings;
import io.rdphealth.host.windows.FolderAcl;
import io.rdphealth.host.windows.ServiceFacts;
import io.rdphealth.host.windows.ServiceStartType;
import io.rdphealth.host.windows.ServiceState;
import io.rdphealth.host.windows.Snapshots;
import io.rdphealth.host.windows.StoreCertificate;
import io.rdphealth.host.windows.WindowsHostFacts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every rule against the shipped snapshots and against one-value edits of the healthy one. */
class WindowsRulesTest {
    private final WindowsRules rules = new WindowsRules();

    private List<Finding> diagnose(WindowsHostFacts facts) {
        return rules.evaluate(facts, WindowsRuleContext.at(facts.collectedAt()));
    }

    @Test
    void healthySnapshotHasOnlyContext() {
        List<Finding> findings = diagnose(Snapshots.load("healthy"));

        assertThat(findings).extracting(Finding::id, Finding::severity)
                .containsExactly(tuple(FindingId.EVENT_LOG_EVIDENCE, Severity.INFO));
        assertThat(findings.get(0).evidence().get(0)).contains("event 36887").contains("alert code is 46");
    }

    @Test
    void expiredCertificateIsTheRootCauseWithItsEventsBelowIt() {
        List<Finding> findings = diagnose(Snapshots.load("expired-cert"));

        assertThat(findings).extracting(Finding::id).containsExactly(FindingId.CERT_EXPIRED);
        Finding expired = findings.get(0);
        assertThat(expired.summary()).contains("expired on 2025-04-30T07:41:03Z");
        assertThat(expired.fix().automatedBy()).isEqualTo("renew-cert");
        assertThat(expired.symptoms()).extracting(Finding::summary)
                .anySatisfy(s -> assertThat(s).startsWith("Event 1058"))
                .anySatisfy(s -> assertThat(s).startsWith("Event 1053"));
    }

    @Test
    void brokenKeyAclIsAccessDeniedExplainingTheSchannelEvents() {
        List<Finding> findings = diagnose(Snapshots.load("key-acl-broken"));

        assertThat(findings).extracting(Finding::id).containsExactly(FindingId.CERT_KEY_ACCESS_DENIED);
        Finding denied = findings.get(0);
        assertThat(denied.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(denied.evidence()).anySatisfy(e -> assertThat(e).contains("(A;;FA;;;SY)(A;;FA;;;BA)"));
        assertThat(denied.fix().automatedBy()).isEqualTo("repair-key-acl");
        assertThat(denied.symptoms()).singleElement()
                .satisfies(s -> assertThat(s.summary()).startsWith("Event 36870").contains("seen 2 time(s)"));
    }

    /** A pinned ECDSA certificate imported with the software KSP: its key is a CNG file in Crypto\\Keys, judged like a CAPI one. */
    @Test
    void brokenCngKeyAclIsAccessDeniedNamingTheCngKeyFile() {
        WindowsHostFacts facts = Snapshots.load("cng-key-acl-broken");

        List<Finding> findings = diagnose(facts);

        // The 36887 alert the healthy host also shows stays an unrelated INFO context finding.
        assertThat(findings).filteredOn(f -> f.severity() != Severity.INFO).extracting(Finding::id)
                .containsExactly(FindingId.CERT_KEY_ACCESS_DENIED);
        Finding denied = findings.get(0);
        assertThat(denied.summary()).contains("F647B91351E5B64CD15908105A0E6581105827B3");
        assertThat(denied.evidence().get(0)).startsWith("CNG key (Microsoft Software Key Storage Provider) file C:\\ProgramData\\Microsoft\\Crypto\\Keys\\");
        assertThat(denied.evidence()).contains("ACL O:BAG:SYD:PAI(A;;FA;;;SY)(A;;FA;;;BA)")
                .anySatisfy(e -> assertThat(e).startsWith("folder C:\\ProgramData\\Microsoft\\Crypto\\Keys ACL ")
                        .contains("not judged"));
        assertThat(denied.fix().automatedBy()).isEqualTo("repair-key-acl");
        assertThat(denied.symptoms()).extracting(Finding::summary).anySatisfy(s -> assertThat(s).startsWith("Event 36870"));
    }

    @Test
    void aMissingCngKeyOfThePinnedCertificateAsksForTheReimport() {
        WindowsHostFacts facts = Snapshots.load("cng-key-acl-broken");
        List<StoreCertificate> certificates = facts.certificates().stream()
                .map(c -> c.store().equals("My") ? new StoreCertificate(c.store(), c.certificate(), c.key().missing()) : c).toList();
        WindowsHostFacts gone = new WindowsHostFacts(1, facts.collectedAt(), facts.computerName(), facts.machineGuid(), facts.listener(),
                certificates, facts.machineKeys(), facts.services(), facts.firewall(), facts.schannel(), facts.cryptoPolicy(),
                facts.events(), List.of(), facts.cngKeys());

        assertThat(diagnose(gone)).filteredOn(f -> f.id() == FindingId.CERT_KEY_MISSING).singleElement().satisfies(f -> {
            assertThat(f.fix().automatedBy()).isEqualTo("install-cert");
            assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("CNG key (Microsoft Software Key Storage Provider) "
                    + "7F1C2A9E-4B3D-4E8A-9C6F-0D2B5E8A1F34"));
        });
    }

    @Test
    void disabledTls12IsFoundWithTheRegistryValuesAndTheRebootStep() {
        List<Finding> findings = diagnose(Snapshots.load("tls12-disabled"));

        assertThat(findings).extracting(Finding::id).containsExactly(FindingId.SCHANNEL_TLS12_DISABLED);
        assertThat(findings.get(0).evidence()).containsExactly(
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server\\Enabled = 0",
                "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server\\DisabledByDefault = 1");
        assertThat(findings.get(0).fix().steps()).last().asString().contains("Reboot");
        assertThat(findings.get(0).symptoms()).extracting(Finding::summary).singleElement().asString().startsWith("Event 36871");
    }

    @Test
    void firewallOffForTheActiveProfileOnly() {
        List<Finding> findings = diagnose(Snapshots.load("firewall-off"));

        assertThat(findings).extracting(Finding::id).containsExactly(FindingId.FIREWALL_RULE_DISABLED);
        assertThat(findings.get(0).summary()).contains("active domain profile");
        assertThat(findings.get(0).fix().automatedBy()).isEqualTo("enable-firewall");
    }

    @Test
    void aBlockRuleCoveringTheListenerPortForAnActiveProfileIsNamed() {
        List<Finding> findings = diagnose(Snapshots.load("firewall-block-rule"));

        // the healthy host it was made from, plus the rule: the 36887 event stays as context
        assertThat(findings).extracting(Finding::id)
                .containsExactlyInAnyOrder(FindingId.FIREWALL_RULE_BLOCKING, FindingId.EVENT_LOG_EVIDENCE);
        Finding blocking = findings.stream().filter(f -> f.id() == FindingId.FIREWALL_RULE_BLOCKING).findFirst().orElseThrow();
        assertThat(blocking.severity()).isEqualTo(Severity.ERROR);
        assertThat(blocking.summary()).contains("'SEC-2291 block remote admin ports'").contains("RDP port 3389");
        assertThat(blocking.evidence()).hasSize(2);
        assertThat(blocking.evidence().get(0)).contains("inbound block rule 'SEC-2291 block remote admin ports'")
                .contains("local ports 22,3389-3390,5985-5986").contains("for the active domain profile")
                .contains("from every address");
        // 445, the RPC-EPMap keyword and a rule limited to another program do not touch the listener
        assertThat(String.join("\n", blocking.evidence())).doesNotContain("SMB").doesNotContain("RPC endpoint")
                .doesNotContain("telnetd");
        assertThat(blocking.fix().isAutomatable()).isFalse();
        assertThat(blocking.fix().steps()).anySatisfy(step -> assertThat(step).contains("Disable-NetFirewallRule"));
    }

    @Test
    void blockRulesOnlyCountForActiveProfilesWithTheFirewallOnAndTheListenersPort() {
        WindowsHostFacts healthy = Snapshots.load("healthy");
        FirewallFacts fw = healthy.firewall();
        FirewallBlockRule everywhere = new FirewallBlockRule("block 3389", Set.of(FirewallProfile.values()), "3389", "*", null, null);

        assertThat(ids(firewall(healthy, fw.withInboundTcpBlockRules(List.of(everywhere)))))
                .contains(FindingId.FIREWALL_RULE_BLOCKING);
        FirewallBlockRule publicOnly = new FirewallBlockRule("block 3389 public", Set.of(FirewallProfile.PUBLIC), "3389", "*", null, null);
        assertThat(ids(firewall(healthy, fw.withInboundTcpBlockRules(List.of(publicOnly)))))
                .as("the active profile is domain").doesNotContain(FindingId.FIREWALL_RULE_BLOCKING);
        FirewallFacts off = new FirewallFacts(Map.of(FirewallProfile.DOMAIN, false), fw.activeProfiles(),
                fw.remoteDesktopRuleGroupEnabled(), List.of(everywhere));
        assertThat(ids(firewall(healthy, off))).as("the firewall is off for the active profile")
                .doesNotContain(FindingId.FIREWALL_RULE_BLOCKING);
        ListenerSettings l = healthy.listener();
        WindowsHostFacts moved = with(firewall(healthy, fw.withInboundTcpBlockRules(List.of(everywhere))),
                new ListenerSettings(0, null, 4489, l.securityLayer(), l.userAuthentication(), l.minEncryptionLevel(), null, null));
        assertThat(ids(moved)).as("PortNumber 4489 is not blocked").doesNotContain(FindingId.FIREWALL_RULE_BLOCKING);
        FirewallBlockRule range = new FirewallBlockRule("block 4000-5000", Set.of(FirewallProfile.DOMAIN), "4000-5000", "10.0.0.0/8",
                null, null);
        WindowsHostFacts movedIntoRange = with(firewall(healthy, fw.withInboundTcpBlockRules(List.of(range))), moved.listener());
        assertThat(diagnose(movedIntoRange)).filteredOn(f -> f.id() == FindingId.FIREWALL_RULE_BLOCKING).singleElement()
                .satisfies(f -> assertThat(f.evidence().get(0)).contains("covers TCP 4489").contains("from 10.0.0.0/8"));
    }

    @Test
    void blockRulesLimitedToAnotherProgramOrServiceDoNotTouchTermService() {
        WindowsHostFacts healthy = Snapshots.load("healthy");
        FirewallFacts fw = healthy.firewall();
        Set<FirewallProfile> all = Set.of(FirewallProfile.values());

        assertThat(ids(firewall(healthy, fw.withInboundTcpBlockRules(List.of(new FirewallBlockRule("winrm", all, "*", "*",
                "%SystemRoot%\\system32\\svchost.exe", "WinRM")))))).doesNotContain(FindingId.FIREWALL_RULE_BLOCKING);
        assertThat(ids(firewall(healthy, fw.withInboundTcpBlockRules(List.of(new FirewallBlockRule("app", all, "3389", "*",
                "C:\\app\\server.exe", null)))))).doesNotContain(FindingId.FIREWALL_RULE_BLOCKING);
        assertThat(ids(firewall(healthy, fw.withInboundTcpBlockRules(List.of(new FirewallBlockRule("rdp service", all, "3389", "*",
                "%SystemRoot%\\system32\\svchost.exe", "termservice")))))).contains(FindingId.FIREWALL_RULE_BLOCKING);
        assertThat(ids(firewall(healthy, fw.withInboundTcpBlockRules(List.of(new FirewallBlockRule("any service", all, "*", "*",
                null, "*")))))).contains(FindingId.FIREWALL_RULE_BLOCKING);
    }

    @Test
    void remoteDesktopDisabledLocallyAndByPolicy() {
        WindowsHostFacts healthy = Snapshots.load("healthy");

        assertThat(ids(with(healthy, listener(healthy.listener(), 1, null)))).contains(FindingId.RDP_DISABLED);
        assertThat(ids(with(healthy, listener(healthy.listener(), 0, 1))))
                .contains(FindingId.RDP_DISABLED_BY_POLICY).doesNotContain(FindingId.RDP_DISABLED);
        assertThat(ids(with(healthy, listener(healthy.listener(), 1, 0)))).doesNotContain(FindingId.RDP_DISABLED);
    }

    @Test
    void stoppedServicesAreNamedAndDisabledOnesAreNotStartedAutomatically() {
        WindowsHostFacts healthy = Snapshots.load("healthy");
        WindowsHostFacts stopped = new WindowsHostFacts(1, healthy.collectedAt(), healthy.computerName(), healthy.machineGuid(),
                healthy.listener(), healthy.certificates(), healthy.machineKeys(),
                List.of(new ServiceFacts("TermService", ServiceState.STOPPED, ServiceStartType.MANUAL),
                        new ServiceFacts("UmRdpService", ServiceState.RUNNING, ServiceStartType.MANUAL),
                        new ServiceFacts("SessionEnv", ServiceState.STOPPED, ServiceStartType.DISABLED)),
                healthy.firewall(), healthy.schannel(), healthy.cryptoPolicy(), healthy.events(), List.of());

        List<Finding> findings = diagnose(stopped).stream().filter(f -> f.id() == FindingId.SERVICE_NOT_RUNNING).toList();

        assertThat(findings).extracting(f -> f.fix().automatedBy()).containsExactly("start-services", null);
        assertThat(findings.get(1).summary()).contains("SessionEnv is stopped").contains("self-signed certificate");
    }

    @Test
    void listenerPortDifferingFromTheProbeOrTheDefaultRule() {
        WindowsHostFacts healthy = Snapshots.load("healthy");
        WindowsRuleContext probed = WindowsRuleContext.at(healthy.collectedAt()).withProbe(3390, null);

        assertThat(rules.evaluate(healthy, probed)).extracting(Finding::id).contains(FindingId.LISTENER_PORT_MISMATCH);
        ListenerSettings l = healthy.listener();
        WindowsHostFacts moved = with(healthy, new ListenerSettings(0, null, 4489, l.securityLayer(), l.userAuthentication(),
                l.minEncryptionLevel(), null, null));
        assertThat(diagnose(moved)).filteredOn(f -> f.id() == FindingId.LISTENER_PORT_MISMATCH)
                .singleElement().satisfies(f -> assertThat(f.summary()).contains("4489"));
    }

    @Test
    void pinnedCertificateNotInstalledFallsBackToTheSelfSignedOne() {
        WindowsHostFacts healthy = Snapshots.load("healthy");
        ListenerSettings l = healthy.listener();
        WindowsHostFacts pinned = with(healthy, new ListenerSettings(0, null, 3389, 2, 1, 2,
                "00112233445566778899AABBCCDDEEFF00112233", null));

        assertThat(ids(pinned)).contains(FindingId.CERT_PINNED_NOT_FOUND).doesNotContain(FindingId.CERT_EXPIRED);
        assertThat(l.pinnedCertificateSha1()).isNull();
    }

    @Test
    void missingKeyContainerAndEmptyStore() {
        WindowsHostFacts healthy = Snapshots.load("healthy");
        StoreCertificate c = healthy.certificates().get(0);
        StoreCertificate keyless = new StoreCertificate(c.store(), c.certificate(),
                new KeyContainer(c.key().containerName(), c.key().uniqueName(), c.key().path(), false, null));

        assertThat(diagnose(certificates(healthy, List.of(keyless)))).filteredOn(f -> f.id() == FindingId.CERT_KEY_MISSING)
                .singleElement().satisfies(f -> assertThat(f.fix().automatedBy()).isEqualTo("renew-cert"));
        assertThat(ids(certificates(healthy, List.of()))).contains(FindingId.NEG_CERT_NOT_ON_SERVER);
    }

    @Test
    void expiringSoonUsesTheWindow() {
        WindowsHostFacts healthy = Snapshots.load("healthy");
        var notAfter = healthy.certificates().get(0).certificate().notAfter();

        assertThat(rules.evaluate(healthy, WindowsRuleContext.at(notAfter.minus(Duration.ofDays(10)))))
                .extracting(Finding::id).contains(FindingId.CERT_EXPIRING_SOON);
        assertThat(rules.evaluate(healthy, WindowsRuleContext.at(notAfter.minus(Duration.ofDays(40)))))
                .extracting(Finding::id).doesNotContain(FindingId.CERT_EXPIRING_SOON);
    }

    @Test
    void machineKeysAclWithoutEveryoneWriteIsBrokenAndNotAutomated() {
        WindowsHostFacts healthy = Snapshots.load("healthy");
        WindowsHostFacts broken = new WindowsHostFacts(1, healthy.collectedAt(), healthy.computerName(), healthy.machineGuid(),
                healthy.listener(), healthy.certificates(), new FolderAcl(healthy.machineKeys().path(), "O:SYG:SYD:PAI(A;;FA;;;BA)(A;;FR;;;WD)"),
                healthy.services(), healthy.firewall(), healthy.schannel(), healthy.cryptoPolicy(), healthy.events(), List.of());

        assertThat(diagnose(broken)).filteredOn(f -> f.id() == FindingId.MACHINEKEYS_ACL_BROKEN).singleElement().satisfies(f -> {
            assertThat(f.fix().isAutomatable()).isFalse();
            assertThat(f.evidence()).contains("Everyone (S-1-1-0) lacks read+write (list folder / create files)");
        });
    }

    @Test
    void cipherPolicySecurityLayerAndCredSsp() {
        WindowsHostFacts healthy = Snapshots.load("healthy");
        WindowsHostFacts onlyOldSuites = crypto(healthy, new CryptoPolicy(List.of("TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_WITH_RC4_128_SHA"), 0, 1));
        WindowsHostFacts modernSuites = crypto(healthy, new CryptoPolicy(List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384_P384"), 1, 0));

        assertThat(ids(onlyOldSuites)).contains(FindingId.CIPHER_POLICY_RESTRICTIVE, FindingId.CREDSSP_ORACLE_POLICY);
        assertThat(ids(modernSuites)).doesNotContain(FindingId.CIPHER_POLICY_RESTRICTIVE, FindingId.CREDSSP_ORACLE_POLICY);
        assertThat(ids(with(healthy, new ListenerSettings(0, null, 3389, 0, 1, 2, null, null)))).contains(FindingId.SECURITY_LAYER_MISMATCH);
    }

    @Test
    void rootCausesAreRankedBySeverity() {
        WindowsHostFacts facts = Snapshots.load("key-acl-broken");
        WindowsHostFacts both = crypto(facts, new CryptoPolicy(null, 0, 0));

        assertThat(diagnose(both)).extracting(Finding::severity).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    private List<FindingId> ids(WindowsHostFacts facts) {
        return diagnose(facts).stream().map(Finding::id).toList();
    }

    private static ListenerSettings listener(ListenerSettings l, Integer deny, Integer policy) {
        return new ListenerSettings(deny, policy, l.portNumber(), l.securityLayer(), l.userAuthentication(), l.minEncryptionLevel(),
                l.pinnedCertificateSha1(), l.selfSignedCertStore());
    }

    static WindowsHostFacts with(WindowsHostFacts f, ListenerSettings l) {
        return new WindowsHostFacts(1, f.collectedAt(), f.computerName(), f.machineGuid(), l, f.certificates(), f.machineKeys(),
                f.services(), f.firewall(), f.schannel(), f.cryptoPolicy(), f.events(), List.of());
    }

    static WindowsHostFacts certificates(WindowsHostFacts f, List<StoreCertificate> c) {
        return new WindowsHostFacts(1, f.collectedAt(), f.computerName(), f.machineGuid(), f.listener(), c, f.machineKeys(),
                f.services(), f.firewall(), f.schannel(), f.cryptoPolicy(), f.events(), List.of());
    }

    static WindowsHostFacts firewall(WindowsHostFacts f, FirewallFacts fw) {
        return new WindowsHostFacts(1, f.collectedAt(), f.computerName(), f.machineGuid(), f.listener(), f.certificates(), f.machineKeys(),
                f.services(), fw, f.schannel(), f.cryptoPolicy(), f.events(), List.of());
    }

    static WindowsHostFacts crypto(WindowsHostFacts f, CryptoPolicy p) {
        return new WindowsHostFacts(1, f.collectedAt(), f.computerName(), f.machineGuid(), f.listener(), f.certificates(), f.machineKeys(),
                f.services(), f.firewall(), f.schannel(), p, f.events(), List.of());
    }
}
