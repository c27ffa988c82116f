package io.rdphealth.history;

import io.rdphealth.report.ReportFormatException;
import io.rdphealth.report.ReportJson;
import io.rdphealth.report.RunReport;
import io.rdphealth.trend.TrendRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A folder of past runs: {@code run-<instant>-<n>.json}, one {@link ReportJson} document each,
 * where the instant is the run's start in ISO 8601 basic UTC form ({@code 20261120T100000.123Z},
 * no colons so the names are valid on Windows too) and {@code n} tells apart runs that started in
 * the same millisecond. Entries are ordered by instant, then {@code n}.
 *
 * <p>Appending never leaves a partial entry visible: the run is written to a temporary file in the
 * same folder and published under its final name by a hard link (which fails instead of
 * replacing when a concurrent writer took the same name; the writer then takes the next {@code n}),
 * or by an atomic move where the file system has no hard links. The folder is then pruned to the
 * newest {@code limit} entries. Reading skips entries it cannot read with a warning to the
 * caller's sink; a broken history never fails a run.
 */
public final class RunHistory {
    public static final int DEFAULT_LIMIT = 50;
    /** Entries larger than this are skipped unread (a report of thousands of targets stays far below). */
    public static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

    static final Pattern ENTRY = Pattern.compile("run-(\\d{8}T\\d{6}(?:\\.\\d{1,9})?Z)-(\\d{1,9})\\.json");
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter INSTANT_PARSER = new java.time.format.DateTimeFormatterBuilder()
            .appendPattern("uuuuMMdd'T'HHmmss")
            .optionalStart().appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .appendLiteral('Z').toFormatter().withZone(ZoneOffset.UTC);
    private static final int MAX_PUBLISH_ATTEMPTS = 1000;

    private final Path directory;
    private final int limit;
    private final ReportJson json = new ReportJson();

    /**
     * @param directory the history folder; created on the first append
     * @param limit     how many entries to keep, at least 1
     */
    public RunHistory(Path directory, int limit) {
        this.directory = Objects.requireNonNull(directory, "directory");
        if (limit < 1) {
            throw new IllegalArgumentException("history limit must be at least 1, was " + limit);
        }
        this.limit = limit;
    }

    public Path directory() {
        return directory;
    }

    public int limit() {
        return limit;
    }

    /**
     * Appends a run and prunes the oldest entries beyond the limit.
     *
     * @return the new entry's file
     * @throws IOException when the folder cannot be created or written (nothing partial is left behind)
     */
    public Path append(RunReport report) throws IOException {
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, ".run-", ".tmp");
        try {
            byte[] bytes = json.write(report).getBytes(StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Path published = publish(temporary, INSTANT.format(report.startedAt()));
            prune(published);
            return published;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private Path publish(Path temporary, String instant) throws IOException {
        for (int n = 1; n <= MAX_PUBLISH_ATTEMPTS; n++) {
            Path target = directory.resolve("run-" + instant + "-" + n + ".json");
            try {
                Files.createLink(target, temporary);
                return target;
            } catch (FileAlreadyExistsException taken) {
                // A concurrent writer published this number first: take the next one.
            } catch (UnsupportedOperationException noHardLinks) {
                if (Files.exists(target)) {
                    continue;
                }
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                return target;
            }
        }
        throw new IOException("cannot find a free entry name in " + directory + " after "
                + MAX_PUBLISH_ATTEMPTS + " attempts");
    }

    /** Deletes the oldest entries beyond the limit; never the one just written. */
    private void prune(Path keep) throws IOException {
        List<Named> entries = listEntries();
        entries.sort(Named.ORDER);
        int excess = entries.size() - limit;
        for (int i = 0; i < excess; i++) {
            Path file = entries.get(i).file();
            if (!file.equals(keep)) {
                try {
                    Files.deleteIfExists(file);
                } catch (NoSuchFileException alreadyPruned) {
                    // A concurrent writer pruned it.
                }
            }
        }
    }

    /**
     * Reads the readable entries, oldest first. Never throws: a missing folder is an empty history,
     * and every entry that cannot be read (unreadable, too large, not UTF-8, not a report, a newer
     * format) is skipped with one warning to {@code warnings} naming the file and the reason.
     */
    public List<HistoryEntry> read(Consumer<String> warnings) {
        List<HistoryEntry> entries = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return entries;
        }
        List<Named> named;
        try {
            named = listEntries(warnings);
        } catch (IOException e) {
            warnings.accept("history " + directory + " cannot be listed, trends are left out: " + describe(e));
            return entries;
        }
        named.sort(Named.ORDER);
        for (Named entry : named) {
            readEntry(entry, entries.size() + 1, warnings).ifPresent(entries::add);
        }
        return entries;
    }

    /** The readable entries as trend points, oldest first (see {@link #read}). */
    public List<TrendRun> trendRuns(Consumer<String> warnings) {
        return read(warnings).stream().map(HistoryEntry::toTrendRun).toList();
    }

    private java.util.Optional<HistoryEntry> readEntry(Named entry, int number, Consumer<String> warnings) {
        Path file = entry.file();
        try {
            long size = Files.size(file);
            if (size > MAX_ENTRY_BYTES) {
                warnings.accept("history entry " + file + " skipped: " + size + " bytes is more than the "
                        + MAX_ENTRY_BYTES + " allowed");
                return java.util.Optional.empty();
            }
            String text = decode(file);
            RunReport report = json.read(text);
            return java.util.Optional.of(new HistoryEntry(number, entry.instant(), file, report));
        } catch (NoSuchFileException pruned) {
            return java.util.Optional.empty(); // pruned by a concurrent writer since the listing
        } catch (IOException | ReportFormatException | RuntimeException e) {
            warnings.accept("history entry " + file + " skipped: " + describe(e));
            return java.util.Optional.empty();
        }
    }

    private static String decode(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_ENTRY_BYTES + 1);
        }
        if (bytes.length > MAX_ENTRY_BYTES) {
            throw new IOException("grew beyond " + MAX_ENTRY_BYTES + " bytes while being read");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8 text", e);
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private List<Named> listEntries() throws IOException {
        return listEntries(warning -> { });
    }

    private List<Named> listEntries(Consumer<String> warnings) throws IOException {
        List<Named> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "run-*.json")) {
            for (Path file : stream) {
                String name = file.getFileName().toString();
                Matcher matcher = ENTRY.matcher(name);
                if (!matcher.matches()) {
                    warnings.accept("history entry " + file + " skipped: the name is not run-<instant>-<n>.json");
                    continue;
                }
                try {
                    Instant instant = INSTANT_PARSER.parse(matcher.group(1), Instant::from);
                    entries.add(new Named(file, instant, Integer.parseInt(matcher.group(2))));
                } catch (DateTimeParseException e) {
                    warnings.accept("history entry " + file + " skipped: bad instant " + matcher.group(1));
                }
            }
        } catch (NoSuchFileException gone) {
            return entries;
        }
        return entries;
    }

    private record Named(Path file, Instant instant, int n) {
        static final Comparator<Named> ORDER = Comparator.comparing(Named::instant).thenComparingInt(Named::n);
    }
}
