package io.rdphealth.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state directory of the xrdp changes (lock, journal, backups of private keys) on real files
 * with real POSIX permissions: created 0700, a broader one tightened before anything is written
 * into it, one owned by another user or a symbolic link refused with nothing written.
 */
class PosixStateDirectoryTest {
    @TempDir
    Path dir;

    private static int mode(Path path) throws IOException {
        return FileOwnership.of(path).mode();
    }

    private static ChangeRunner runner(Path state, List<String> heard) {
        ChangeListener listener = new ChangeListener() {
            @Override
            public void stateDirectorySecured(String change) {
                heard.add(change);
            }
        };
        return new ChangeRunner(state, List.of(), listener, Duration.ofSeconds(5), Clock.systemUTC());
    }

    /** Writes a file through a step whose backup goes into the run's backup folder. */
    private static Step write(Path path) {
        return Step.of("write " + path.getFileName(), context -> FileBackup.backup(path, context.backupDir(), "secret.key"),
                context -> AtomicFiles.write(path, "new".getBytes(), FileOwnership.of(path)));
    }

    @Test
    void aNewStateDirectoryAndItsBackupsAreCreatedOwnerOnly() throws Exception {
        Path state = dir.resolve("var").resolve("lib").resolve("rdphealth");
        List<String> heard = new ArrayList<>();

        try (ChangeSession session = runner(state, heard).open()) {
            assertThat(mode(state)).isEqualTo(0700);
            assertThat(mode(state.resolve("backups"))).isEqualTo(0700);
            assertThat(session.stateDirectoryChanges()).containsExactly(
                    "created " + state + " with mode 0700 (owner only)",
                    "created " + state.resolve("backups") + " with mode 0700 (owner only)");
        }
        assertThat(heard).hasSize(2);
        assertThat(Files.getOwner(state)).isEqualTo(Files.getOwner(dir));
    }

    @Test
    void aBroaderExistingOneIsTightenedBeforeTheFirstBackupIsWritten() throws Exception {
        Path state = Files.createDirectory(dir.resolve("state"));
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path backups = Files.createDirectory(state.resolve("backups"));
        Files.setPosixFilePermissions(backups, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path key = Files.writeString(dir.resolve("key.pem"), "private key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        List<String> heard = new ArrayList<>();
        List<Integer> modesAtFirstBackup = new ArrayList<>();
        Step observe = Step.check("observe the state folder", context -> {
            modesAtFirstBackup.add(mode(state));
            modesAtFirstBackup.add(mode(backups));
            try (Stream<Path> files = Files.list(context.backupDir())) {
                modesAtFirstBackup.add((int) files.count());
            }
        });

        ChangeOutcome outcome;
        try (ChangeSession session = runner(state, heard).open()) {
            outcome = session.apply(new ChangePlan("test", List.of(observe, write(key))));
        }

        assertThat(outcome).isInstanceOf(ChangeOutcome.Completed.class);
        assertThat(modesAtFirstBackup).as("modes of state and backups, files in the run's backup folder, before the first step")
                .containsExactly(0700, 0700, 0);
        assertThat(heard).containsExactly("tightened " + state + " from mode 0755 to 0700 (owner only)",
                "tightened " + backups + " from mode 0777 to 0700 (owner only)");
        Path copy = ((ChangeOutcome.Completed) outcome).backupDir().resolve("secret.key");
        assertThat(copy).hasContent("private key");
        assertThat(mode(copy)).isEqualTo(0600);
    }

    /** Two runs that start together both find (or make) the folder; neither fails on the other's creation. */
    @Test
    void runsCreatingItAtTheSameTimeBothSucceed() throws Exception {
        Path state = dir.resolve("state");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return new PosixStateDirectory().secure(state);
                }));
            }
            start.countDown();
            int created = 0;
            for (java.util.concurrent.Future<List<String>> result : results) {
                created += (int) result.get(10, java.util.concurrent.TimeUnit.SECONDS).stream().filter(l -> l.startsWith("created " + state + " ")).count();
            }
            assertThat(created).as("exactly one run created it").isEqualTo(1);
            assertThat(mode(state)).isEqualTo(0700);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAlreadyRestrictedOneIsLeftAlone() throws Exception {
        Path state = dir.resolve("state");
        runner(state, new ArrayList<>()).open().close();
        List<String> heard = new ArrayList<>();

        try (ChangeSession session = runner(state, heard).open()) {
            assertThat(session.stateDirectoryChanges()).isEmpty();
        }
        assertThat(heard).isEmpty();
    }

    /** Needs root (the build runs as root) to give the folder to another user. */
    @Test
    void oneOwnedByAnotherUserIsRefusedAndNothingIsWritten() throws Exception {
        Path state = Files.createDirectory(dir.resolve("state"));
        UserPrincipal nobody = state.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(state, nobody);
        Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> runner(state, new ArrayList<>()).open())
                .isInstanceOf(StateDirectoryGuard.StateDirectoryException.class)
                .hasMessageContaining(state + " belongs to nobody").hasMessageContaining("backups of private keys");
        try (Stream<Path> files = Files.list(state)) {
            assertThat(files).as("no lock, journal or backups").isEmpty();
        }
        assertThat(mode(state)).as("not taken over").isEqualTo(0777);
    }

    @Test
    void aSymbolicLinkIsRefused() throws Exception {
        Path real = Files.createDirectory(dir.resolve("elsewhere"));
        Path state = Files.createSymbolicLink(dir.resolve("state"), real);

        assertThatThrownBy(() -> runner(state, new ArrayList<>()).open())
                .isInstanceOf(StateDirectoryGuard.StateDirectoryException.class).hasMessageContaining("symbolic link");
        assertThat(Files.exists(real.resolve("host.lock"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }
}
