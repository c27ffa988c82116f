package io.rdphealth.host.windows.fixes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdphealth.finding.FindingId;
import io.rdphealth.fix.HostLock;
import io.rdphealth.host.windows.FirewallProfile;
import io.rdphealth.host.windows.KeyContainer;
import io.rdphealth.host.windows.KeyStorage;
import io.rdphealth.host.windows.Sddl;
import io.rdphealth.host.windows.ListenerVerifier;
import io.rdphealth.host.windows.ScriptedWindowsPort;
import io.rdphealth.host.windows.Snapshots;
import io.rdphealth.host.windows.WindowsHostFacts;
import io.rdphealth.host.windows.WindowsInspector;
import io.rdphealth.host.windows.rules.WindowsRuleContext;
import io.rdphealth.host.windows.rules.WindowsRules;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Windows fix through {@link WindowsFixRunner} (the platform-neutral change runner with the
 * Windows undo kinds) against {@link ScriptedWindowsPort}, which stands in for Windows because JNA
 * cannot run on the Linux build machines: success re-diagnoses clean, a dry run changes nothing,
 * a failure at each state-changing call in turn (and a failed verification) leaves the scripted
 * host exactly as it was, and a run stopped dead at each state-changing call in turn is undone by
 * the next run from the journal. Lock, journal and backups are real files under a temporary folder.
 */
class WindowsFixesTest {
    @TempDir
    Path tmp;

    /** Builds a plan for one fix from a fresh context. */
    interface Planner {
        WindowsFixPlan plan(FixContext ctx) throws Exception;

        default WindowsFixRunner.Planner checked() {
            return ctx -> {
                try {
                    return plan(ctx);
                } catch (FixRefusedException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            };
        }
    }

    static Stream<Arguments> fixes() {
        return Stream.of(
                Arguments.of("renew-cert", "expired-cert", (Planner) RenewSelfSignedCertificate::plan, FindingId.CERT_EXPIRED),
                Arguments.of("repair-key-acl", "key-acl-broken", (Planner) RepairKeyAcl::plan, FindingId.CERT_KEY_ACCESS_DENIED),
                Arguments.of("repair-key-acl", "cng-key-acl-broken", (Planner) RepairKeyAcl::plan, FindingId.CERT_KEY_ACCESS_DENIED),
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

    private static FixSettings settings() {
        return new FixSettings(Duration.ofSeconds(1), Duration.ofMillis(0), Duration.ofMillis(1));
    }

    private FixContext context(ScriptedWindowsPort port, WindowsHostFacts facts, ListenerVerifier verifier) {
        Clock clock = clockOf(facts);
        return new FixContext(port, new WindowsInspector(port, clock).inspect(), verifier, clock, settings());
    }

    /** The state folder of one scenario; named RdpHealth as on Windows (the scripted state leaves it out). */
    private Path state(String name) {
        return tmp.resolve(name).resolve("RdpHealth");
    }

    private WindowsFixRunner runner(ScriptedWindowsPort port, WindowsHostFacts facts, ListenerVerifier verifier, Path state) {
        return new WindowsFixRunner(port, verifier, clockOf(facts), settings(), state);
    }

    private WindowsFixRunner runner(ScriptedWindowsPort port, WindowsHostFacts facts, Path state) {
        return runner(port, facts, port.verifier(), state);
    }

    @ParameterizedTest(name = "{0} fixes {1}")
    @MethodSource("fixes")
    void fixClearsItsFindingAndReportsBeforeAndAfter(String fix, String snapshot, Planner planner, FindingId fixed) throws Exception {
        WindowsHostFacts facts = Snapshots.load(snapshot);
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts));
        StringWriter out = new StringWriter();
        Path state = state("ok");

        FixResult result = runner(port, facts, state).run(fix, planner.checked(), false, new PrintWriter(out));

        assertThat(result.status()).as(out.toString()).isEqualTo(FixStatus.APPLIED);
        assertThat(result.fix()).isEqualTo(fix);
        assertThat(result.backup()).isNotNull().startsWith(state.resolve("backups"));
        assertThat(state.resolve("journal.jsonl")).as("a closed run leaves no journal").doesNotExist();
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
        assertThat(out.toString()).contains("step 1/").contains("verify: ").contains("verified");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixes")
    void dryRunPrintsThePlanAndChangesNothing(String fix, String snapshot, Planner planner, FindingId fixed) throws Exception {
        WindowsHostFacts facts = Snapshots.load(snapshot);
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts));
        ScriptedWindowsPort.State before = port.state();
        StringWriter out = new StringWriter();
        Path state = state("dry");

        FixResult result = runner(port, facts, state).run(fix, planner.checked(), true, new PrintWriter(out));

        assertThat(result.status()).isEqualTo(FixStatus.PLANNED);
        assertThat(port.state()).isEqualTo(before);
        assertThat(port.mutations()).isZero();
        assertThat(state).as("no lock, journal or backup").doesNotExist();
        assertThat(out.toString()).contains("Fix " + fix).contains("1. ").contains("verify: ").contains("Dry run: nothing was changed.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixes")
    void failureAtEveryStateChangingCallLeavesTheHostAsItWas(String fix, String snapshot, Planner planner, FindingId fixed) throws Exception {
        WindowsHostFacts facts = Snapshots.load(snapshot);
        List<String> calls = mutationsOfASuccessfulRun(fix, facts, planner);

        List<FixStatus> outcomes = new ArrayList<>();
        for (int k = 0; k < calls.size(); k++) {
            ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts));
            ScriptedWindowsPort.State before = port.state();
            port.failAtMutation(k);
            StringWriter out = new StringWriter();
            Path state = state("fail-" + k);

            FixResult result = runner(port, facts, state).run(fix, planner.checked(), false, new PrintWriter(out));

            // Restricting the state folder comes first: failing there refuses the fix before the lock or any backup.
            boolean stateFolder = isStateFolderCall(calls.get(k));
            assertThat(result.status()).as("failure at call %d\n%s", k, out)
                    .isEqualTo(stateFolder ? FixStatus.REFUSED : FixStatus.ROLLED_BACK);
            assertThat(port.state()).as("failure at call %d\n%s", k, out).isEqualTo(before);
            assertThat(result.error()).contains("injected failure at state-changing call #" + k);
            assertThat(state.resolve("journal.jsonl")).as("a complete rollback closes the journal").doesNotExist();
            if (stateFolder) {
                assertThat(result.error()).contains("cannot restrict").contains("to SYSTEM and Administrators");
                assertThat(state.resolve("host.lock")).as("refused before the lock").doesNotExist();
                assertThat(port.hostMutationCalls()).isEmpty();
            }
            outcomes.add(result.status());
        }
        assertThat(outcomes).hasSize(calls.size()).contains(FixStatus.REFUSED, FixStatus.ROLLED_BACK);
    }

    /**
     * The run stops dead (an {@link Error}, as if the process were killed) at each state-changing
     * call in turn; the next run finds the journal, undoes what the first one may have applied, and
     * only then plans: the host it plans from equals the host before the first run.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixes")
    void aRunStoppedAtEveryStateChangingCallIsUndoneByTheNextRunFromTheJournal(String fix, String snapshot, Planner planner,
                                                                              FindingId fixed) throws Exception {
        WindowsHostFacts facts = Snapshots.load(snapshot);
        List<String> calls = mutationsOfASuccessfulRun(fix, facts, planner);

        for (int k = 0; k < calls.size(); k++) {
            ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts));
            ScriptedWindowsPort.State before = port.state();
            Path state = state("halt-" + k);
            port.haltAtMutation(k);
            boolean stateFolder = isStateFolderCall(calls.get(k));

            int at = k;
            assertThatThrownBy(() -> runner(port, facts, state).run(fix, planner.checked(), false,
                    new PrintWriter(new StringWriter()))).as("halt at call %d", at)
                    .isInstanceOf(ScriptedWindowsPort.SimulatedCrash.class);
            if (stateFolder) {
                assertThat(state.resolve("journal.jsonl")).as("halt at call %d, before the lock", k).doesNotExist();
            } else {
                assertThat(state.resolve("journal.jsonl")).as("halt at call %d leaves the journal", k).exists();
            }

            AtomicReference<ScriptedWindowsPort.State> planned = new AtomicReference<>();
            StringWriter out = new StringWriter();
            FixResult next = runner(port, facts, state).run(fix, ctx -> {
                planned.set(port.state());
                return planner.checked().plan(ctx);
            }, false, new PrintWriter(out));

            assertThat(planned.get()).as("halt at call %d, recovered:\n%s", k, out).isEqualTo(before);
            if (!stateFolder) {
                assertThat(out.toString()).contains("recovered an interrupted run of " + fix);
            }
            assertThat(next.status()).as("halt at call %d\n%s", k, out).isEqualTo(FixStatus.APPLIED);
            assertThat(state.resolve("journal.jsonl")).doesNotExist();
        }
    }

    @Test
    void aDryRunAfterAnInterruptedRunListsWhatARealRunUndoesFirst() throws Exception {
        WindowsHostFacts facts = Snapshots.load("expired-cert");
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts));
        Path state = state("pending");
        String old = facts.certificates().get(0).thumbprint();
        // calls #0 and #1 create the state folder and its backups, #2 deletes the certificate, #3 is the first service stop
        port.haltAtMutation(3);
        assertThatThrownBy(() -> runner(port, facts, state).run("renew-cert", RenewSelfSignedCertificate::plan, false,
                new PrintWriter(new StringWriter()))).isInstanceOf(ScriptedWindowsPort.SimulatedCrash.class);
        StringWriter out = new StringWriter();

        FixResult planned = runner(port, facts, state).run("renew-cert", RenewSelfSignedCertificate::plan, true,
                new PrintWriter(out));

        assertThat(planned.status()).as(out.toString()).isEqualTo(FixStatus.PLANNED);
        assertThat(out.toString()).contains("an earlier run was interrupted; a real run first undoes: delete certificate " + old)
                .contains("restore certificate " + old).contains("restart the RDP services");
        assertThat(state.resolve("journal.jsonl")).as("a dry run recovers nothing").exists();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixes")
    void failedVerificationRollsBack(String fix, String snapshot, Planner planner, FindingId fixed) throws Exception {
        WindowsHostFacts facts = Snapshots.load(snapshot);
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts));
        String stale = facts.certificates().get(0).thumbprint();
        ScriptedWindowsPort.State before = port.state();
        WindowsFixRunner.Planner failingVerify = ctx -> {
            WindowsFixPlan plan = planner.checked().plan(ctx);
            return plan.withVerification(() -> {
                plan.verify().verify();
                throw new IllegalStateException("listener still serves " + stale);
            });
        };

        FixResult result = runner(port, facts, p -> stale, state("verify")).run(fix, failingVerify, false,
                new PrintWriter(new StringWriter()));

        assertThat(result.status()).isEqualTo(FixStatus.ROLLED_BACK);
        assertThat(result.error()).startsWith("verification failed");
        assertThat(port.state()).isEqualTo(before);
    }

    @Test
    void renewalVerifiedAgainstAListenerStillServingTheOldCertificateRollsBack() throws Exception {
        WindowsHostFacts facts = Snapshots.load("expired-cert");
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts));
        String old = facts.certificates().get(0).thumbprint();
        ScriptedWindowsPort.State before = port.state();

        FixResult result = runner(port, facts, p -> old, state("stale")).run("renew-cert", RenewSelfSignedCertificate::plan,
                false, new PrintWriter(new StringWriter()));

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
        WindowsFixPlan plan = RebuildMachineKeys.plan(context(port, facts, port.verifier()), true);

        FixResult result = runner(port, facts, state("rebuild")).run("rebuild-machinekeys",
                ctx -> RebuildMachineKeys.plan(ctx, true), false, new PrintWriter(new StringWriter()));

        assertThat(result.status()).isEqualTo(FixStatus.APPLIED);
        assertThat(plan.warnings().get(0)).contains("every machine private key on this host");
        assertThat(port.calls()).anySatisfy(c -> assertThat(c.replace('/', '\\'))
                .startsWith("copyTree C:\\ProgramData\\Microsoft\\Crypto\\RSA\\MachineKeys"));
        int copy = indexOf(port.calls(), "copyTree");
        int rename = indexOf(port.calls(), "move ");
        assertThat(copy).isLessThan(rename);
        assertThat(result.backup().resolve("MachineKeys.sddl")).exists();
    }

    /** The CNG key file in Crypto\\Keys gets NETWORK SERVICE read and nothing else changes; the pinned certificate loads. */
    @Test
    void repairingACngKeyChangesOnlyThatKeyFilesAcl() throws Exception {
        WindowsHostFacts facts = Snapshots.load("cng-key-acl-broken");
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts));
        ScriptedWindowsPort.State before = port.state();
        String keyPath = facts.certificatesIn("My").get(0).key().path();

        FixResult result = runner(port, facts, state("cng")).run("repair-key-acl", RepairKeyAcl::plan, false,
                new PrintWriter(new StringWriter()));

        assertThat(result.status()).isEqualTo(FixStatus.APPLIED);
        ScriptedWindowsPort.State after = port.state();
        String key = keyPath.toLowerCase(java.util.Locale.ROOT);
        assertThat(after.acls().get(key)).isEqualTo("O:BAG:SYD:PAI(A;;FA;;;SY)(A;;FA;;;BA)(A;;FR;;;NS)");
        java.util.Map<String, String> otherAcls = new java.util.TreeMap<>(after.acls());
        otherAcls.remove(key);
        java.util.Map<String, String> otherAclsBefore = new java.util.TreeMap<>(before.acls());
        otherAclsBefore.remove(key);
        assertThat(otherAcls).isEqualTo(otherAclsBefore);
        assertThat(after.files()).isEqualTo(before.files());
        assertThat(after.certificates()).isEqualTo(before.certificates());
        assertThat(port.hostMutationCalls()).as("one ACL write").singleElement().asString().startsWith("writeSecurityDescriptor");
        assertThat(result.backup().resolve("key.sddl")).content().as("the backup holds the ACL as it was")
                .contains("O:BAG:SYD:PAI(A;;FA;;;SY)(A;;FA;;;BA)\n");
    }

    /**
     * install-cert with a PKCS#12 whose key Windows puts in the software KSP (ECDSA keys always,
     * RSA with a KSP): NETWORK SERVICE read is granted on the Crypto\\Keys file, and a failure at
     * each state-changing call leaves the host exactly as it was.
     */
    @Test
    void installingACertificateWhoseKeyIsCngGrantsReadOnTheCngKeyFileAndRollsBackCleanly() throws Exception {
        WindowsHostFacts facts = Snapshots.load("expired-cert");
        Planner install = ctx -> InstallPfxCertificate.plan(ctx, TestPfx.bytes(ctx.clock()), TestPfx.PASSWORD);
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts)).importingKeysInto(KeyStorage.CNG_MACHINE_KEYS);

        FixResult result = runner(port, facts, state("cng-install")).run("install-cert", install.checked(), false,
                new PrintWriter(new StringWriter()));

        assertThat(result.status()).isEqualTo(FixStatus.APPLIED);
        WindowsHostFacts after = new WindowsInspector(port, clockOf(facts)).inspect();
        KeyContainer key = after.certificatesIn("My").get(0).key();
        assertThat(key.storage()).isEqualTo(KeyStorage.CNG_MACHINE_KEYS);
        assertThat(key.path()).startsWith("C:\\ProgramData\\Microsoft\\Crypto\\Keys\\");
        assertThat(Sddl.parse(key.sddl()).networkServiceCanRead()).isTrue();
        assertThat(port.verifier().servedSha1Thumbprint(3389)).isEqualTo(result.after().thumbprint());

        List<String> calls = port.mutationCalls();
        for (int k = 0; k < calls.size(); k++) {
            ScriptedWindowsPort failing = ScriptedWindowsPort.from(facts, clockOf(facts)).importingKeysInto(KeyStorage.CNG_MACHINE_KEYS);
            ScriptedWindowsPort.State before = failing.state();
            failing.failAtMutation(k);
            StringWriter out = new StringWriter();

            FixResult failed = runner(failing, facts, state("cng-install-fail-" + k)).run("install-cert", install.checked(), false,
                    new PrintWriter(out));

            assertThat(failed.status()).as("failure at call %d\n%s", k, out)
                    .isEqualTo(isStateFolderCall(calls.get(k)) ? FixStatus.REFUSED : FixStatus.ROLLED_BACK);
            assertThat(failing.state()).as("failure at call %d\n%s", k, out).isEqualTo(before);
        }
    }

    @Test
    void aSecondFixWhileTheLockIsHeldIsRefusedAndChangesNothing() throws Exception {
        WindowsHostFacts facts = Snapshots.load("firewall-off");
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts));
        ScriptedWindowsPort.State before = port.state();
        Path state = state("held");

        try (HostLock held = HostLock.acquire(state.resolve("host.lock"), Duration.ZERO)) {
            FixResult result = runner(port, facts, state).run("enable-firewall",
                    ctx -> EnableFirewallRuleGroup.plan(ctx, Set.of(FirewallProfile.DOMAIN)), false, new PrintWriter(new StringWriter()));

            assertThat(result.status()).isEqualTo(FixStatus.REFUSED);
            assertThat(result.error()).contains("another rdphealth fix is running");
        }
        assertThat(port.state()).isEqualTo(before);
        assertThat(port.hostMutationCalls()).as("at most the state folder was restricted").isEmpty();
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

    /** The state-changing calls a successful run of the fix makes on a fresh host, in order. */
    private List<String> mutationsOfASuccessfulRun(String fix, WindowsHostFacts facts, Planner planner) {
        ScriptedWindowsPort probe = ScriptedWindowsPort.from(facts, clockOf(facts));
        FixResult result = runner(probe, facts, state("count-" + fix)).run(fix, planner.checked(), false,
                new PrintWriter(new StringWriter()));
        assertThat(result.status()).isEqualTo(FixStatus.APPLIED);
        assertThat(probe.hostMutationCalls()).isNotEmpty();
        return probe.mutationCalls();
    }

    /** A call restricting the RdpHealth state folder or its backups folder (every scenario's folder is named so). */
    private static boolean isStateFolderCall(String call) {
        return call.replace('/', '\\').matches("(createDirectory|writeSecurityDescriptor) \\S*\\\\RdpHealth(\\\\backups)?( .*)?");
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
