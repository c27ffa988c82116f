package io.rdphealth.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rdphealth.wire.McsCodec;
import io.rdphealth.wire.MalformedPduException;
import java.util.Arrays;
import org.junit.jupiter.api.Timeout;

/** MCS Connect-Response with the GCC server data blocks (core, security with the proprietary certificate, network). */
class McsConnectResponseFuzzTest {
    @FuzzTest(maxDuration = "3s")
    @Timeout(10)
    void decodeConnectResponse(byte[] input) {
        if (input.length >= 4) {
            try {
                assertThat(McsCodec.tpktLength(Arrays.copyOf(input, 4))).isBetween(4, McsCodec.MAX_RESPONSE_LENGTH);
            } catch (MalformedPduException e) {
                ParseErrors.assertExplains(e);
            }
        }
        try {
            assertThat(McsCodec.decodeConnectResponse(input)).isNotNull();
        } catch (MalformedPduException e) {
            ParseErrors.assertExplains(e);
        }
    }
}
