package io.rdphealth.host.windows.fixes;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.host.windows.ScriptedWindowsPort;
import io.rdphealth.host.windows.Snapshots;
import io.rdphealth.host.windows.WindowsHostFacts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Windows state folder (%ProgramData%\RdpHealth: lock, journal, backups of private keys) is
 * restricted to SYSTEM and Administrators before a fix writes anything into it. The folder's ACL
 * lives in {@link ScriptedWindowsPort}, which stands in for Windows (JNA cannot run here); the
 * lock, journal and backups are real files under a temporary folder.
 */
class WindowsStateDirectoryTest {
    /** What a folder created under ProgramData inherits: Users may read it. */
    static final String INHERITED_BROAD = "O:BAG:SYD:AI(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIID;0x1200a9;;;BU)";

    @TempDir
    Path tmp;

    private static Clock clockOf(WindowsHostFacts facts) {
        return Clock.fixed(facts.collectedAt(), ZoneOffset.UTC);
    }

    private WindowsFixRunner runner(ScriptedWindowsPort port, WindowsHostFacts facts, Path state) {
        return new WindowsFixRunner(port, port.verifier(), clockOf(facts),
                new FixSettings(Duration.ofSeconds(1), Duration.ZERO, Duration.ofMillis(1)), state);
    }

    @Test
    void aNewStateFolderAndItsBackupsAreCreatedForSystemAndAdministratorsOnly() throws Exception {
        WindowsHostFacts facts = Snapshots.load("key-acl-broken");
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts));
        Path state = tmp.resolve("RdpHealth");

        FixResult result = runner(port, facts, state).run("repair-key-acl", RepairKeyAcl::plan, false, new PrintWriter(new StringWriter()));

        assertThat(result.status()).isEqualTo(FixStatus.APPLIED);
        assertThat(port.readSecurityDescriptor(state)).isEqualTo("D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)");
        assertThat(port.readSecurityDescriptor(state.resolve("backups"))).isEqualTo(WindowsStateDirectory.SDDL);
        assertThat(port.mutationCalls().subList(0, 2)).containsExactly("createDirectory " + state, "createDirectory " + state.resolve("backups"));
        assertThat(result.log()).anySatisfy(l -> assertThat(l).startsWith("state folder: created ").endsWith("(SYSTEM and Administrators only)"));
    }

    @Test
    void aBroadExistingStateFolderIsTightenedBeforeTheFirstBackupIsWritten() throws Exception {
        WindowsHostFacts facts = Snapshots.load("cng-key-acl-broken");
        Path state = tmp.resolve("RdpHealth");
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts))
                .withDirectory(state, INHERITED_BROAD).withDirectory(state.resolve("backups"), INHERITED_BROAD);
        List<String> atPlanTime = new ArrayList<>();

        FixResult result = runner(port, facts, state).run("repair-key-acl", ctx -> {
            // Planning runs inside the session, after the folder is secured and before any step backs anything up.
            atPlanTime.add(port.readSecurityDescriptor(state));
            atPlanTime.add(port.readSecurityDescriptor(state.resolve("backups")));
            try {
                atPlanTime.add(Long.toString(filesUnder(state.resolve("backups"))));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return RepairKeyAcl.plan(ctx);
        }, false, new PrintWriter(new StringWriter()));

        assertThat(result.status()).isEqualTo(FixStatus.APPLIED);
        assertThat(atPlanTime).containsExactly(WindowsStateDirectory.SDDL, WindowsStateDirectory.SDDL, "0");
        assertThat(result.log()).contains(
                "state folder: tightened the DACL of " + state + " from " + INHERITED_BROAD + " to " + WindowsStateDirectory.SDDL
                        + " (SYSTEM and Administrators only)",
                "state folder: tightened the DACL of " + state.resolve("backups") + " from " + INHERITED_BROAD + " to "
                        + WindowsStateDirectory.SDDL + " (SYSTEM and Administrators only)");
        assertThat(filesUnder(result.backup())).as("the run's backup was written afterwards").isPositive();
    }

    @Test
    void aFailureToRestrictTheStateFolderRefusesTheFixAndChangesNothingElse() throws Exception {
        WindowsHostFacts facts = Snapshots.load("key-acl-broken");
        Path state = tmp.resolve("RdpHealth");
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts)).withDirectory(state, INHERITED_BROAD);
        ScriptedWindowsPort.State before = port.state();
        port.failAtMutation(0);
        StringWriter out = new StringWriter();

        FixResult result = runner(port, facts, state).run("repair-key-acl", RepairKeyAcl::plan, false, new PrintWriter(out));

        assertThat(result.status()).isEqualTo(FixStatus.REFUSED);
        assertThat(result.error()).startsWith("cannot restrict " + state + " to SYSTEM and Administrators (it holds backups of "
                + "private keys), so no fix runs: injected failure at state-changing call #0: writeSecurityDescriptor " + state);
        assertThat(port.state()).isEqualTo(before);
        assertThat(port.readSecurityDescriptor(state)).as("the folder's DACL as it was").isEqualTo(INHERITED_BROAD);
        assertThat(port.mutationCalls()).hasSize(1);
        assertThat(state).as("no lock, journal or backup was written").doesNotExist();
    }

    @Test
    void aRestrictedStateFolderIsLeftAlone() throws Exception {
        WindowsHostFacts facts = Snapshots.load("key-acl-broken");
        Path state = tmp.resolve("RdpHealth");
        ScriptedWindowsPort port = ScriptedWindowsPort.from(facts, clockOf(facts))
                .withDirectory(state, "O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(D;OICI;FA;;;WD)")
                .withDirectory(state.resolve("backups"), WindowsStateDirectory.SDDL);

        FixResult result = runner(port, facts, state).run("repair-key-acl", RepairKeyAcl::plan, false, new PrintWriter(new StringWriter()));

        assertThat(result.status()).isEqualTo(FixStatus.APPLIED);
        assertThat(port.mutationCalls()).noneSatisfy(c -> assertThat(c).contains("RdpHealth"));
        assertThat(result.log()).noneSatisfy(l -> assertThat(l).startsWith("state folder:"));
    }

    @Test
    void onlyAProtectedDaclForSystemAndAdministratorsCountsAsRestricted() {
        assertThat(WindowsStateDirectory.restricted(WindowsStateDirectory.SDDL)).isTrue();
        assertThat(WindowsStateDirectory.restricted("D:PAI(A;OICI;FA;;;SY)(D;;FA;;;WD)")).isTrue();
        assertThat(WindowsStateDirectory.restricted("D:AI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)")).as("not protected: inherits").isFalse();
        assertThat(WindowsStateDirectory.restricted("D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;;FR;;;BU)")).as("Users may read").isFalse();
        assertThat(WindowsStateDirectory.restricted(INHERITED_BROAD)).isFalse();
    }

    private static long filesUnder(Path folder) throws java.io.IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }
}
