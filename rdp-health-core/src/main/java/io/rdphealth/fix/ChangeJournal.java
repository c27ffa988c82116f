package io.rdphealth.fix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The recovery journal: JSON lines appended and fsynced one by one, so after a kill the file says
 * which steps may have been applied. A torn last line (killed while writing it) is ignored: the
 * step it announced was never started, because a step starts only after its line is on disk.
 * The journal exists only while a plan runs; a closed run deletes it.
 */
public final class ChangeJournal {
    /** The journal is small; anything beyond this is not ours. */
    static final long MAX_BYTES = 1024 * 1024;

    private final Path file;
    private final Clock clock;
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    public ChangeJournal(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    public Path file() {
        return file;
    }

    public boolean exists() {
        return Files.exists(file);
    }

    void begin(String runId, String plan) throws IOException {
        append(new JournalEntry("begin", runId, plan, -1, null, null, null, clock.instant()));
    }

    void intent(String runId, int step, String description, Compensation compensation) throws IOException {
        append(new JournalEntry("intent", runId, null, step, description, compensation.kind(),
                compensation.params(), clock.instant()));
    }

    void applied(String runId, int step, String description) throws IOException {
        append(new JournalEntry("applied", runId, null, step, description, null, Map.of(), clock.instant()));
    }

    /** Removes the journal: the run is closed (completed or fully rolled back). */
    void close() throws IOException {
        Files.deleteIfExists(file);
        AtomicFiles.fsyncDirectory(file.toAbsolutePath().getParent());
    }

    /** The entries on disk, torn or unparsable trailing lines skipped. */
    public List<JournalEntry> read() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        if (Files.size(file) > MAX_BYTES) {
            throw new IOException("journal " + file + " is larger than " + MAX_BYTES + " bytes; inspect it by hand");
        }
        List<JournalEntry> entries = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                entries.add(mapper.readValue(line, JournalEntry.class));
            } catch (JsonProcessingException e) {
                // A line cut by a kill: everything after it was never written either.
                break;
            }
        }
        return entries;
    }

    private void append(JournalEntry entry) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] line = (mapper.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }
}
