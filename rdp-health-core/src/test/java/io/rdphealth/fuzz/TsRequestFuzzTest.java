package io.rdphealth.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rdphealth.wire.MalformedPduException;
import io.rdphealth.wire.NtlmCodec;
import io.rdphealth.wire.TsRequestCodec;
import org.junit.jupiter.api.Timeout;

/** CredSSP TSRequest (DER) and, as the probe does, the NTLM CHALLENGE in its first negoToken. */
class TsRequestFuzzTest {
    @FuzzTest(maxDuration = "3s")
    @Timeout(10)
    void decode(byte[] input) {
        try {
            TsRequestCodec.TsRequest request = TsRequestCodec.decode(input);
            if (request.negoToken() != null) {
                assertThat(request.negoToken().length).isLessThanOrEqualTo(input.length);
                NtlmCodec.decodeChallenge(request.negoToken());
            }
        } catch (MalformedPduException e) {
            ParseErrors.assertExplains(e);
        }
    }
}
