package io.rdphealth.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.rdphealth.evidence.DnsEvidence;
import io.rdphealth.evidence.ExchangeFailure;
import io.rdphealth.evidence.FailureKind;
import io.rdphealth.evidence.NegotiationEvidence;
import io.rdphealth.evidence.NtlmEvidence;
import io.rdphealth.evidence.TcpEvidence;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.target.Target;
import io.rdphealth.wire.X224Confirm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Validates real {@link ReportJson} output against the documented schema {@code docs/report.schema.json}. */
class ReportSchemaTest {
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final Path SCHEMA = Path.of("..", "docs", "report.schema.json");

    private final ObjectMapper mapper = new ObjectMapper();
    private final ReportJson json = new ReportJson();

    private JsonSchema schema() throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(SCHEMA), config);
    }

    static Set<ValidationMessage> validate(JsonSchema schema, String document) throws IOException {
        return schema.validate(new ObjectMapper().readTree(document));
    }

    /** A run with the shapes the ordinary samples lack: failed DNS, a silent server, a legacy confirm, a failed NTLM read. */
    private static RunReport failureShapes() {
        Target unresolved = Target.of("nowhere.invalid", 3389);
        Finding dns = Finding.of(FindingId.DNS_UNRESOLVED, unresolved.input(), "nowhere.invalid does not resolve",
                List.of("NXDOMAIN"), Fix.manual("Check the name."));
        TargetResult noDns = new TargetResult(unresolved, new DnsEvidence(List.of(), 12, "NXDOMAIN"), List.of(),
                List.of(dns), AT, 12);
        Target legacy = Target.of("old.example.test", 3389);
        WireEvidence wire = new WireEvidence("192.0.2.5", new TcpEvidence(List.of()),
                new NegotiationEvidence(0x0B, new X224Confirm.LegacyConfirm(), null, 4),
                new NegotiationEvidence(0, null, new ExchangeFailure(FailureKind.SILENT, null, 5000), 5000),
                SampleReports.failedTls(), null, null,
                new NtlmEvidence(null, null, new ExchangeFailure(FailureKind.DROPPED, "reset", 3)), 3, 5010);
        TargetResult old = new TargetResult(legacy, new DnsEvidence(List.of("192.0.2.5"), 1, null), List.of(wire),
                List.of(), AT, 5011);
        return new RunReport(RunReport.SCHEMA_VERSION, "t", AT, 5100, List.of(noDns, old));
    }

    @Test
    void realReportsOfEveryShapeAreValid() throws IOException {
        JsonSchema schema = schema();
        for (RunReport report : List.of(SampleReports.mixedRun(AT, 0), SampleReports.hostileRun(AT), failureShapes(),
                new RunReport(RunReport.SCHEMA_VERSION, "t", AT, 0, List.of()))) {
            assertThat(validate(schema, json.write(report))).isEmpty();
        }
    }

    @Test
    void theSchemaRejectsWhatTheFormatDoesNotAllow() throws IOException {
        JsonSchema schema = schema();
        String valid = json.write(SampleReports.mixedRun(AT, 0));

        ObjectNode noState = (ObjectNode) mapper.readTree(valid);
        noState.remove("state");
        assertThat(schema.validate(noState)).isNotEmpty();

        ObjectNode badSeverity = (ObjectNode) mapper.readTree(valid);
        ((ObjectNode) badSeverity.at("/targets/1/findings/0")).put("severity", "SEVERE");
        assertThat(schema.validate(badSeverity)).isNotEmpty();

        ObjectNode undocumented = (ObjectNode) mapper.readTree(valid);
        ((ObjectNode) undocumented.at("/targets/0/addresses/0")).put("surprise", 1);
        assertThat(schema.validate(undocumented)).as("new fields must be documented").isNotEmpty();

        ObjectNode badDate = (ObjectNode) mapper.readTree(valid);
        badDate.put("startedAt", "yesterday");
        assertThat(schema.validate(badDate)).isNotEmpty();
    }

    @Test
    void theSchemaListsExactlyTheCatalogsFindingIds() throws IOException {
        JsonNode ids = mapper.readTree(Files.readString(SCHEMA)).at("/$defs/findingId/enum");
        assertThat(StreamSupport.stream(ids.spliterator(), false).map(JsonNode::asText).toList())
                .containsExactlyElementsOf(Arrays.stream(FindingId.values()).map(Enum::name).toList());
    }
}
