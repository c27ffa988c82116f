package io.rdphealth.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform-neutral discipline on real files: backup states, torn journal, lock timeout. */
class ChangeRunnerTest {
    @TempDir
    Path dir;

    private Step write(Path path, String content) {
        return new Step() {
            @Override
            public String description() {
                return "write " + path.getFileName();
            }

            @Override
            public Compensation prepare(ChangeContext context) throws IOException {
                return FileBackup.backup(path, context.backupDir(), path.getFileName().toString());
            }

            @Override
            public void apply(ChangeContext context) throws IOException {
                AtomicFiles.write(path, content.getBytes(), new FileOwnership(0, 0, 0644));
            }
        };
    }

    private static Step failing() {
        return new Step() {
            @Override
            public String description() {
                return "check that fails";
            }

            @Override
            public Compensation prepare(ChangeContext context) {
                return Compensation.none();
            }

            @Override
            public void apply(ChangeContext context) throws StepFailedException {
                throw new StepFailedException("injected");
            }
        };
    }

    @Test
    void rollbackRestoresRegularFilesLinksAndAbsence() throws Exception {
        Path regular = Files.writeString(dir.resolve("a"), "old");
        Path target = Files.writeString(dir.resolve("target"), "shared");
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        Path absent = dir.resolve("new");
        ChangeRunner runner = new ChangeRunner(dir.resolve("state"), ChangeListener.SILENT, Duration.ofSeconds(5));
        try (ChangeSession session = runner.open()) {
            ChangeOutcome outcome = session.apply(new ChangePlan("t",
                    List.of(write(regular, "new"), write(link, "new"), write(absent, "new"), failing())));
            assertThat(outcome).isInstanceOf(ChangeOutcome.RolledBack.class);
            assertThat(((ChangeOutcome.RolledBack) outcome).undone()).hasSize(3);
        }
        assertThat(Files.readString(regular)).isEqualTo("old");
        assertThat(Files.readSymbolicLink(link)).isEqualTo(target);
        assertThat(Files.readString(target)).isEqualTo("shared");
        assertThat(absent).doesNotExist();
        assertThat(runner.journal().exists()).isFalse();
    }

    /** A kill while the journal line was being written leaves a torn line: the step it announced never ran. */
    @Test
    void aTornJournalLineIsIgnoredAndEarlierIntentsAreUndone() throws Exception {
        Path regular = Files.writeString(dir.resolve("a"), "old");
        ChangeRunner runner = new ChangeRunner(dir.resolve("state"), ChangeListener.SILENT, Duration.ofSeconds(5));
        Path backups = Files.createDirectories(dir.resolve("b"));
        Compensation compensation = FileBackup.backup(regular, backups, "a");
        ChangeJournal journal = runner.journal();
        journal.begin("r1", "t");
        journal.intent("r1", 0, "write a", compensation);
        Files.writeString(regular, "half-applied");
        Files.writeString(journal.file(), "{\"event\":\"intent\",\"runId\":\"r1\",\"st", java.nio.file.StandardOpenOption.APPEND);

        assertThat(runner.pendingRecovery()).singleElement().asString().startsWith("write a");
        try (ChangeSession session = runner.open()) {
            assertThat(session.recovery().needed()).isTrue();
            assertThat(session.recovery().undone()).containsExactly("write a");
        }
        assertThat(Files.readString(regular)).isEqualTo("old");
        assertThat(journal.exists()).isFalse();
    }

    @Test
    void aHeldLockTimesOutNamingTheHolder() throws Exception {
        ChangeRunner runner = new ChangeRunner(dir.resolve("state"), ChangeListener.SILENT, Duration.ofMillis(200));
        try (ChangeSession held = runner.open()) {
            assertThatThrownBy(runner::open).isInstanceOf(HostLock.LockTimeoutException.class)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        try (ChangeSession again = runner.open()) {
            assertThat(again.recovery().needed()).isFalse();
        }
    }

    /** A platform's own undo kind: recorded in a list instead of touching a host. */
    private static CompensationHandler recording(List<String> undone) {
        return new CompensationHandler() {
            @Override
            public String kind() {
                return "test-counter";
            }

            @Override
            public void undo(Compensation compensation) {
                undone.add(compensation.require("value"));
            }

            @Override
            public String describeUndo(Compensation compensation) {
                return "set the counter back to " + compensation.params().get("value");
            }
        };
    }

    /**
     * A run stopped by an {@link Error} after its first step (as a kill would) leaves the journal;
     * a dry run describes the pending undo through the registered handler, the next session runs it.
     */
    @Test
    void aRunStoppedBetweenStepsIsDescribedAndUndoneThroughTheRegisteredHandler() throws Exception {
        List<String> undone = new java.util.ArrayList<>();
        ChangeListener killAfterFirstStep = new ChangeListener() {
            @Override
            public void afterStep(int index, Step step) {
                throw new AssertionError("simulated kill after step " + index);
            }
        };
        Step set = Step.of("set the counter to 2", context -> new Compensation("test-counter", java.util.Map.of("value", "1")),
                context -> { });
        ChangeRunner first = new ChangeRunner(dir.resolve("state"), List.of(recording(undone)), killAfterFirstStep,
                Duration.ofSeconds(5), java.time.Clock.systemUTC());
        try (ChangeSession session = first.open()) {
            assertThatThrownBy(() -> session.apply(new ChangePlan("counter", List.of(set, Step.check("check", c -> { })))))
                    .isInstanceOf(AssertionError.class);
        }

        ChangeRunner next = new ChangeRunner(dir.resolve("state"), List.of(recording(undone)), ChangeListener.SILENT,
                Duration.ofSeconds(5), java.time.Clock.systemUTC());
        assertThat(next.pendingRecovery()).containsExactly("set the counter to 2 (undo: set the counter back to 1)");
        assertThat(undone).isEmpty();
        try (ChangeSession session = next.open()) {
            assertThat(session.recovery().undone()).containsExactly("set the counter to 2");
        }
        assertThat(undone).containsExactly("1");
        assertThat(next.journal().exists()).isFalse();
    }

    @Test
    void theFailureIsHeardBeforeTheUndos() throws Exception {
        Path file = Files.writeString(dir.resolve("a"), "old");
        List<String> heard = new java.util.ArrayList<>();
        ChangeListener listener = new ChangeListener() {
            @Override
            public void rollingBack(int index, Step failed, String reason) {
                heard.add("failed " + index + " " + failed.description() + ": " + reason);
            }

            @Override
            public void undone(String description) {
                heard.add("undone " + description);
            }
        };
        ChangeRunner runner = new ChangeRunner(dir.resolve("state"), listener, Duration.ofSeconds(5));
        try (ChangeSession session = runner.open()) {
            session.apply(new ChangePlan("t", List.of(write(file, "new"), failing())));
        }
        assertThat(heard).containsExactly("failed 1 check that fails: injected", "undone write a");
        assertThat(Files.readString(file)).isEqualTo("old");
    }
}
