package io.rdphealth.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rdphealth.wire.MalformedPduException;
import io.rdphealth.wire.X224Codec;
import io.rdphealth.wire.X224Confirm;
import java.util.Arrays;
import org.junit.jupiter.api.Timeout;

/** X.224 Connection Confirm: the TPKT header check a stream reader makes, then the PDU decoder. */
class X224ConfirmFuzzTest {
    @FuzzTest(maxDuration = "3s")
    @Timeout(10)
    void decodeConfirm(byte[] input) {
        if (input.length >= X224Codec.TPKT_HEADER_LENGTH) {
            try {
                int length = X224Codec.tpktLength(Arrays.copyOf(input, X224Codec.TPKT_HEADER_LENGTH));
                assertThat(length).isBetween(X224Codec.TPKT_HEADER_LENGTH, X224Codec.MAX_CONFIRM_LENGTH);
            } catch (MalformedPduException e) {
                ParseErrors.assertExplains(e);
            }
        }
        try {
            X224Confirm confirm = X224Codec.decodeConfirm(input);
            assertThat(confirm).isNotNull();
        } catch (MalformedPduException e) {
            ParseErrors.assertExplains(e);
        }
    }
}
