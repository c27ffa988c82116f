package io.rdphealth.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rdphealth.report.ReportJson;
import io.rdphealth.report.RunReport;
import io.rdphealth.report.SampleReports;
import io.rdphealth.trend.TrendRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:15:30.250Z");

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private static RunReport run(int i) {
        return SampleReports.mixedRun(T0.plus(Duration.ofMinutes(i)), i);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void appendsNumberedEntriesNamedByTheRunsStartAndReadsThemBackOldestFirst() throws IOException {
        RunHistory history = new RunHistory(dir.resolve("nested/history"), 50);

        Path first = history.append(run(0));
        history.append(run(1));

        assertThat(first.getFileName()).hasToString("run-20261120T101530.250Z-1.json");
        List<HistoryEntry> entries = history.read(warnings::add);
        assertThat(warnings).isEmpty();
        assertThat(entries).extracting(HistoryEntry::number).containsExactly(1, 2);
        assertThat(entries.get(0).instant()).isEqualTo(T0);
        assertThat(entries.get(1).report()).isEqualTo(run(1));
        TrendRun trend = entries.get(1).toTrendRun();
        assertThat(trend.number()).isEqualTo(2);
        assertThat(trend.label()).isEqualTo("11-20 10:16:30");
    }

    @Test
    void keepsOnlyTheNewestEntriesUpToTheLimit() throws IOException {
        RunHistory history = new RunHistory(dir, 3);
        for (int i = 0; i < 5; i++) {
            history.append(run(i));
        }

        assertThat(names()).containsExactly("run-20261120T101730.250Z-1.json", "run-20261120T101830.250Z-1.json",
                "run-20261120T101930.250Z-1.json");
        assertThat(history.read(warnings::add)).extracting(HistoryEntry::report).containsExactly(run(2), run(3), run(4));
    }

    @Test
    void skipsCorruptEntriesWithAWarningEachAndKeepsAppending() throws IOException {
        RunHistory history = new RunHistory(dir, 50);
        history.append(run(0));
        Files.writeString(dir.resolve("run-20261120T101600.000Z-2.json"), "{ not json");
        Files.writeString(dir.resolve("run-20261120T101700.000Z-3.json"), new ReportJson().write(run(2)).substring(0, 300));
        Files.write(dir.resolve("run-20261120T101800.000Z-4.json"), new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
        Files.writeString(dir.resolve("run-20261120T101900.000Z-5.json"),
                new ReportJson().write(run(3)).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 99"));
        Files.writeString(dir.resolve("run-latest.json"), new ReportJson().write(run(4)));
        Files.writeString(dir.resolve("notes.txt"), "not an entry, not warned about");

        history.append(run(5));
        List<HistoryEntry> entries = history.read(warnings::add);

        assertThat(entries).extracting(HistoryEntry::report).containsExactly(run(0), run(5));
        assertThat(entries).extracting(HistoryEntry::number).containsExactly(1, 2);
        assertThat(warnings).hasSize(5);
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("-2.json"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("-3.json"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("-4.json").contains("UTF-8"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("-5.json").contains("newer"));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("run-latest.json").contains("name"));
    }

    @Test
    void aMissingFolderIsAnEmptyHistoryWithoutWarnings() {
        assertThat(new RunHistory(dir.resolve("absent"), 5).read(warnings::add)).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void anUnwritableFolderFailsTheAppendWithAnIoErrorAndLeavesNothingBehind() throws IOException {
        Path file = Files.writeString(dir.resolve("history"), "a file where the folder should be");
        RunHistory history = new RunHistory(file, 5);

        assertThatThrownBy(() -> history.append(run(0))).isInstanceOf(IOException.class);
        assertThat(history.read(warnings::add)).isEmpty();
        assertThat(names()).containsExactly("history");
    }

    @Test
    void rejectsALimitBelowOne() {
        assertThatThrownBy(() -> new RunHistory(dir, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    /**
     * Several writers at once (parallel CI jobs sharing a folder), ten of them per start instant so
     * that names collide: no entry lost, none partial, none overwritten.
     */
    @Test
    void concurrentAppendsEachGetTheirOwnCompleteEntry() throws Exception {
        RunHistory history = new RunHistory(dir, 100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Path>> tasks = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int n = i;
                tasks.add(() -> new RunHistory(dir, 100).append(run(n % 4)));
            }
            List<Path> written = new ArrayList<>();
            for (Future<Path> future : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                written.add(future.get());
            }
            assertThat(written).doesNotHaveDuplicates().hasSize(40);
        } finally {
            pool.shutdownNow();
        }

        List<HistoryEntry> entries = history.read(warnings::add);
        assertThat(warnings).isEmpty();
        assertThat(entries).hasSize(40).extracting(HistoryEntry::number).doesNotHaveDuplicates();
        assertThat(names()).contains("run-20261120T101530.250Z-10.json").doesNotContain("run-20261120T101530.250Z-11.json");
        assertThat(names()).hasSize(40).noneMatch(name -> name.endsWith(".tmp"));
        for (HistoryEntry entry : entries) {
            assertThat(Files.readString(entry.file(), StandardCharsets.UTF_8)).endsWith("}");
        }
    }
}
