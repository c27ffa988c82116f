package io.rdphealth.host.windows.fixes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdphealth.host.windows.FirewallProfile;
import io.rdphealth.host.windows.ListenerVerifier;
import io.rdphealth.host.windows.ScriptedWindowsPort;
import io.rdphealth.host.windows.Snapshots;
import io.rdphealth.host.windows.WindowsHostFacts;
import io.rdphealth.host.windows.WindowsInspector;
import io.rdphealth.host.windows.fix.FileHostLock;
import io.rdphealth.host.windows.fix.FixPlan;
import io.rdphealth.host.windows.fix.FixRefusedException;
import io.rdphealth.host.windows.fix.FixResult;
import io.rdphealth.host.windows.fix.FixRunner;
import io.rdphealth.host.windows.fix.FixStatus;
import io.rdphealth.host.windows.fix.HostLock;
import io.rdphealth.host.windows.rules.WindowsRuleContext;
import io.rdphealth.host.windows.rules.WindowsRules;
import io.rdphealth.finding.FindingId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Windows fix against {@link ScriptedWindowsPort}, which stands in for Windows because JNA
 * cannot run on the Linux build machines: success re-diagnoses clean, a dry run changes nothing,
 * and a failure at each state-changing call in turn (and a failed verification) leaves the
 * scripted host exactly as it was.
 */
class WindowsFixesTest {
    @TempDir
    Path tmp;

    /** Builds a plan for one fix from a fresh context. */
    interface Planner {
        FixPlan plan(FixContext ctx) throws Exception;
    }

    static Stream<Arguments> fixes() {
        return Stream.of(
                Arguments.of("renew-cert", "expired-cert", (Planner) RenewSelfSignedCertificate::plan, FindingId.CERT_EXPIRED),
                Arguments.of("repair-key-acl", "key-acl-broken", (Planner) RepairKeyAcl::plan, FindingId.CERT_KEY_ACCESS_DENIED),
                Arguments.of("enable-firewall", "firewall-off", (Planner) ctx -> EnableFirewallRuleGroup.plan(ctx, Set.of()),
                        FindingId.FIREWALL_RULE_DISABLED),
                Arguments.of("enable-tls12", "tls12-disabled", (Planner) EnableTls12::plan, FindingId.SCHANNEL_TLS12_DISABLED),
                Arguments.of("install-cert", "expired-cert", (Planner) ctx -> InstallPfxCertificate.plan(ctx, TestPfx.bytes(ctx.clock()),
                        TestPfx.PASSWORD), FindingId.CERT_EXPIRED),
                Arguments.of("rebuild-machinekeys", "expired-cert", (Planner) ctx -> RebuildMachineKeys.plan(ctx, true), FindingId.CERT_EXPIRED));
    }

    private Clock clockOf(WindowsHostFacts facts) {
        return Clock.fixed(facts.collectedAt(), ZoneOffset.UTC);
    }

    private FixContext context(ScriptedWindowsPort port, WindowsHostFacts facts, ListenerVerifier verifier) {
        Clock clock = clockOf(facts);
        return new FixContext(port, new WindowsInspector(port, clock).inspect(), verifier, clock,
                new FixSettings(Duration.ofSeconds(1), Duration.ofMillis(0), Duration.ofMillis(1)));
    }

    private FixRunner runner(String lockName) {
        return new FixRunner(new FileHostLock(tmp.resolve(lockName)), Path.of("C:\\ProgramData\\RdpHealth\\backup"),
                Clock.systemUTC());
    }

    @ParameterizedTest(name = "{0} fixes {1}")
    @MethodSource("fixes")
    void fixClearsItsFindingAndReportsBeforeAndAfter(String fix, String snapshot, Planner planner, FindingId fixed) throws Exception {
        WindowsHostFacts facts = Snapshots.load(snapshot);
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts));
        StringWriter out = new StringWriter();

        FixResult result = runner("lock").run(planner.plan(context(port, facts, port.verifier())), false, new PrintWriter(out));

        assertThat(result.status()).as(out.toString()).isEqualTo(FixStatus.APPLIED);
        assertThat(result.fix()).isEqualTo(fix);
        assertThat(result.backup()).isNotNull();
        WindowsHostFacts after = new WindowsInspector(port, clockOf(facts)).inspect();
        assertThat(new WindowsRules().evaluate(after, WindowsRuleContext.at(facts.collectedAt())))
                .extracting(f -> f.id()).doesNotContain(fixed);
        if (fix.equals("renew-cert") || fix.equals("install-cert") || fix.equals("rebuild-machinekeys")) {
            assertThat(result.before().thumbprint()).isEqualTo(facts.certificates().get(0).thumbprint());
            assertThat(result.after().thumbprint()).isNotEqualTo(result.before().thumbprint())
                    .isEqualTo(port.verifier().servedSha1Thumbprint(3389));
            assertThat(result.after().notAfter()).isAfter(facts.collectedAt());
        }
        assertThat(result.rebootRequired()).isEqualTo(fix.equals("enable-tls12"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixes")
    void dryRunPrintsThePlanAndChangesNothing(String fix, String snapshot, Planner planner, FindingId fixed) throws Exception {
        WindowsHostFacts facts = Snapshots.load(snapshot);
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts));
        FixPlan plan = planner.plan(context(port, facts, port.verifier()));
        ScriptedWindowsPort.State before = port.state();
        int mutationsBefore = port.mutations();
        StringWriter out = new StringWriter();

        FixResult result = runner("lock").run(plan, true, new PrintWriter(out));

        assertThat(result.status()).isEqualTo(FixStatus.PLANNED);
        assertThat(port.state()).isEqualTo(before);
        assertThat(port.mutations()).isEqualTo(mutationsBefore).isZero();
        assertThat(out.toString()).contains("Fix " + fix).contains("1. ").contains("verify: ").contains("Dry run: nothing was changed.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixes")
    void failureAtEveryStateChangingCallLeavesTheHostAsItWas(String fix, String snapshot, Planner planner, FindingId fixed) throws Exception {
        WindowsHostFacts facts = Snapshots.load(snapshot);
        ScriptedWindowsPort probe = ScriptedWindowsPort.from(facts, clockOf(facts));
        runner("count").run(planner.plan(context(probe, facts, probe.verifier())), false, new PrintWriter(new StringWriter()));
        int total = probe.mutations();
        assertThat(total).isGreaterThan(1);

        List<FixStatus> outcomes = new ArrayList<>();
        for (int k = 0; k < total; k++) {
            ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts));
            FixPlan plan = planner.plan(context(port, facts, port.verifier()));
            ScriptedWindowsPort.State before = port.state();
            port.failAtMutation(k);
            StringWriter out = new StringWriter();

            FixResult result = runner("lock-" + k).run(plan, false, new PrintWriter(out));

            assertThat(result.status()).as("failure at call %d\n%s", k, out).isIn(FixStatus.REFUSED, FixStatus.ROLLED_BACK);
            assertThat(port.state()).as("failure at call %d\n%s", k, out).isEqualTo(before);
            assertThat(result.error()).contains("injected failure at state-changing call #" + k);
            outcomes.add(result.status());
        }
        // the first calls are the backup (refused, nothing changed); the later ones are steps (rolled back)
        assertThat(outcomes).contains(FixStatus.ROLLED_BACK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixes")
    void failedVerificationRollsBack(String fix, String snapshot, Planner planner, FindingId fixed) throws Exception {
        WindowsHostFacts facts = Snapshots.load(snapshot);
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts));
        String stale = facts.certificates().get(0).thumbprint();
        FixPlan plan = planner.plan(context(port, facts, p -> stale));
        ScriptedWindowsPort.State before = port.state();
        FixPlan failingVerify = new FixPlan(plan.name(), plan.warnings(), plan.backupDescription(), plan.backup(), plan.steps(),
                plan.verification(), () -> {
                    plan.verify().verify();
                    throw new IllegalStateException("listener still serves " + stale);
                }, plan.before(), plan.rebootRequired());

        FixResult result = runner("lock").run(failingVerify, false, new PrintWriter(new StringWriter()));

        assertThat(result.status()).isEqualTo(FixStatus.ROLLED_BACK);
        assertThat(result.error()).startsWith("verification failed");
        assertThat(port.state()).isEqualTo(before);
    }

    @Test
    void renewalVerifiedAgainstAListenerStillServingTheOldCertificateRollsBack() throws Exception {
        WindowsHostFacts facts = Snapshots.load("expired-cert");
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts));
        String old = facts.certificates().get(0).thumbprint();
        FixPlan plan = RenewSelfSignedCertificate.plan(context(port, facts, p -> old));
        ScriptedWindowsPort.State before = port.state();

        FixResult result = runner("lock").run(plan, false, new PrintWriter(new StringWriter()));

        assertThat(result.status()).isEqualTo(FixStatus.ROLLED_BACK);
        assertThat(result.error()).contains("the listener serves " + old + ", not the new certificate");
        assertThat(port.state()).isEqualTo(before);
        assertThat(port.generatedCertificates()).isEqualTo(1);
    }

    @Test
    void rebuildingMachineKeysIsRefusedWithoutTheConfirmation() {
        WindowsHostFacts facts = Snapshots.load("expired-cert");
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts));
        FixContext ctx = context(port, facts, port.verifier());

        assertThatThrownBy(() -> RebuildMachineKeys.plan(ctx, false)).isInstanceOf(FixRefusedException.class)
                .hasMessageContaining("--confirm-rebuild-machinekeys").hasMessageContaining("IIS, WinRM");
        assertThat(port.mutations()).isZero();
    }

    @Test
    void rebuildWarnsAboutOtherServicesAndBacksUpTheWholeFolder() throws Exception {
        WindowsHostFacts facts = Snapshots.load("expired-cert");
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts));
        FixPlan plan = RebuildMachineKeys.plan(context(port, facts, port.verifier()), true);

        runner("lock").run(plan, false, new PrintWriter(new StringWriter()));

        assertThat(plan.warnings().get(0)).contains("every machine private key on this host");
        assertThat(port.calls()).anySatisfy(c -> assertThat(c.replace('/', '\\'))
                .startsWith("copyTree C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys"));
        int copy = indexOf(port.calls(), "copyTree");
        int rename = indexOf(port.calls(), "move ");
        assertThat(copy).isLessThan(rename);
    }

    @Test
    void aSecondFixWhileTheLockIsHeldIsRefusedAndChangesNothing() throws Exception {
        WindowsHostFacts facts = Snapshots.load("firewall-off");
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts));
        FixPlan plan = EnableFirewallRuleGroup.plan(context(port, facts, port.verifier()), Set.of(FirewallProfile.DOMAIN));
        ScriptedWindowsPort.State before = port.state();
        HostLock lock = new FileHostLock(tmp.resolve("held.lock"));

        try (HostLock.Lease held = lock.acquire()) {
            FixResult result = new FixRunner(lock, Path.of("C:\\backup"), Clock.systemUTC()).run(plan, false, new PrintWriter(new StringWriter()));

            assertThat(result.status()).isEqualTo(FixStatus.REFUSED);
            assertThat(result.error()).contains("another rdphealth fix is running");
        }
        assertThat(port.state()).isEqualTo(before);
    }

    @Test
    void preconditionsRefuseBeforeAnyChange() {
        WindowsHostFacts healthy = Snapshots.load("healthy");
        ScriptedWindowsPort port = ScriptedWindowsPort.from(healthy, clockOf(healthy));
        FixContext ctx = context(port, healthy, port.verifier());

        assertThatThrownBy(() -> EnableTls12.plan(ctx)).hasMessageContaining("not disabled");
        assertThatThrownBy(() -> EnableFirewallRuleGroup.plan(ctx, Set.of())).hasMessageContaining("already enabled");
        assertThatThrownBy(() -> StartServices.plan(ctx)).hasMessageContaining("already run");
        assertThatThrownBy(() -> InstallPfxCertificate.plan(ctx, new byte[] {1, 2, 3}, "x".toCharArray()))
                .hasMessageContaining("cannot open the PKCS#12 file");
        assertThatThrownBy(() -> InstallPfxCertificate.plan(ctx, TestPfx.bytes(ctx.clock()), "wrong".toCharArray()))
                .hasMessageContaining("wrong password");
        assertThat(port.mutations()).isZero();
    }

    private static int indexOf(List<String> calls, String prefix) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
