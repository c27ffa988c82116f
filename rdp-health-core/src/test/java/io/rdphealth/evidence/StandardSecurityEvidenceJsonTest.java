package io.rdphealth.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rdphealth.report.ReportJson;
import io.rdphealth.wire.EncryptionMethod;
import io.rdphealth.wire.McsCodec;
import io.rdphealth.wire.McsConnectResponse;
import io.rdphealth.wire.SecurityProtocol;
import io.rdphealth.wire.X224Confirm;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Standard-security evidence in the report JSON: derived values written, and read back unchanged. */
class StandardSecurityEvidenceJsonTest {

    @Test
    void roundTripsWithDerivedValues() throws Exception {
        McsConnectResponse response;
        try (InputStream in = McsCodec.class.getResourceAsStream("xrdp-0.9.21-crypt-low-mcs-connect-response.hex")) {
            response = McsCodec.decodeConnectResponse(HexFormat.of().parseHex(
                    new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\\s+", "")));
        }
        NegotiationEvidence rdp = new NegotiationEvidence(0, new X224Confirm.NegotiationResponse(1, 0), null, 1.0);
        EncryptionOfferResult all = new EncryptionOfferResult(EncryptionMethod.ALL_BITS, rdp, response, null, 2.0);
        EncryptionOfferResult only128 = new EncryptionOfferResult(EncryptionMethod.BITS_128.bit(), rdp, response, null, 2.0);
        ProtocolSupport rdstls = new ProtocolSupport(SecurityProtocol.RDSTLS, rdp);
        StandardSecurityEvidence evidence = new StandardSecurityEvidence("127.0.0.1", rdp, all, List.of(only128), List.of(rdstls), 3, 9.5);

        ObjectMapper mapper = new ReportJson().mapper();
        String json = mapper.writeValueAsString(evidence);
        JsonNode tree = mapper.readTree(json);

        assertThat(tree.get("standardSecurityAccepted").asBoolean()).isTrue();
        assertThat(tree.get("encryptionLevel").asText()).isEqualTo("LOW");
        assertThat(tree.get("imposedMethods").get(0).asText()).isEqualTo("BITS_40");
        assertThat(tree.get("acceptedMethods")).isEmpty();
        assertThat(mapper.readValue(json, StandardSecurityEvidence.class)).isEqualTo(evidence);
    }
}
