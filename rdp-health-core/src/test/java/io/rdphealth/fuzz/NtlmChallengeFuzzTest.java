package io.rdphealth.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rdphealth.wire.MalformedPduException;
import io.rdphealth.wire.NtlmChallenge;
import io.rdphealth.wire.NtlmCodec;
import org.junit.jupiter.api.Timeout;

/** NTLM CHALLENGE (MS-NLMP 2.2.1.2): every length and offset in it comes from the peer. */
class NtlmChallengeFuzzTest {
    @FuzzTest(maxDuration = "3s")
    @Timeout(10)
    void decodeChallenge(byte[] input) {
        try {
            NtlmChallenge challenge = NtlmCodec.decodeChallenge(input);
            assertThat(challenge).isNotNull();
            assertThat(NtlmCodec.serverChallenge(input).serverChallenge()).hasSize(8);
        } catch (MalformedPduException e) {
            ParseErrors.assertExplains(e);
        }
    }
}
