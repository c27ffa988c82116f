package io.rdphealth.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The documented, versioned JSON form of a {@link RunReport} ({@code docs/report.schema.json}).
 * One configured mapper, created per instance (no static mutable state).
 */
public final class ReportJson {
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    public String write(RunReport report) {
        try {
            return mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise report: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a report, refusing one written by a newer major format version.
     *
     * @throws ReportFormatException naming what is wrong with the text
     */
    public RunReport read(String json) throws ReportFormatException {
        try {
            JsonNode tree = mapper.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new ReportFormatException("not a JSON object");
            }
            JsonNode version = tree.get("schemaVersion");
            if (version == null || !version.canConvertToInt()) {
                throw new ReportFormatException("no integer schemaVersion");
            }
            if (version.asInt() > RunReport.SCHEMA_VERSION) {
                throw new ReportFormatException("schemaVersion " + version.asInt() + " is newer than supported ("
                        + RunReport.SCHEMA_VERSION + ")");
            }
            return mapper.treeToValue(tree, RunReport.class);
        } catch (JsonProcessingException e) {
            throw new ReportFormatException(e.getOriginalMessage());
        }
    }

    /** Any other library value (a renewal result, host facts) as JSON, written the way reports are. */
    public String writeValue(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The mapper, for callers that serialise other library values (host facts) the same way. */
    public ObjectMapper mapper() {
        return mapper;
    }
}
