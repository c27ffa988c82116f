package io.rdphealth.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The documented catalog (docs/finding-catalog.md) and the code's FindingId must agree, row for row. */
class FindingCatalogDocumentTest {
    private static final Pattern ROW = Pattern.compile("^\\| ([A-Z0-9_]+) \\| (INFO|WARNING|ERROR|CRITICAL) \\|(.*)$");

    private static Map<String, String> documented() throws IOException {
        Path doc = Path.of("..", "docs", "finding-catalog.md");
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(doc)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                assertThat(rows.put(m.group(1), m.group(2))).as("duplicate row for " + m.group(1)).isNull();
                assertThat(m.group(3).split("\\|")).as("evidence, fix and applied-by columns of " + m.group(1))
                        .hasSizeGreaterThanOrEqualTo(4).allSatisfy(cell -> assertThat(cell).isNotBlank());
            }
        }
        return rows;
    }

    @Test
    void everyIdTheCodeCanEmitIsDocumentedWithItsDefaultSeverity() throws IOException {
        Map<String, String> rows = documented();
        for (FindingId id : FindingId.values()) {
            assertThat(rows).as("docs/finding-catalog.md row for " + id).containsEntry(id.name(), id.defaultSeverity().name());
        }
    }

    @Test
    void theDocumentListsNoIdTheCodeDoesNotKnow() throws IOException {
        assertThat(documented().keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(FindingId.values()).map(Enum::name).toList());
    }
}
