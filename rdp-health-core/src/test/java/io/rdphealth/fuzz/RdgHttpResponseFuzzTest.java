package io.rdphealth.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rdphealth.wire.HttpNtlmToken;
import io.rdphealth.wire.MalformedPduException;
import io.rdphealth.wire.NtlmCodec;
import io.rdphealth.wire.RdgHttpCodec;
import io.rdphealth.wire.RdgHttpResponse;
import org.junit.jupiter.api.Timeout;

/**
 * RD Gateway HTTP response heads, and the NTLM tokens (NTLM, Negotiate/SPNEGO) their 401s carry. The seeds come from the in-JVM stand-in gateway (no real RD
 * Gateway runs on Linux) and are mutated from there.
 */
class RdgHttpResponseFuzzTest {
    @FuzzTest(maxDuration = "3s")
    @Timeout(10)
    void parseHead(byte[] input) {
        try {
            int end = RdgHttpCodec.endOfHead(input, input.length);
            assertThat(end).isLessThanOrEqualTo(input.length);
        } catch (MalformedPduException e) {
            ParseErrors.assertExplains(e);
        }
        try {
            RdgHttpResponse response = RdgHttpCodec.parseHead(input, input.length);
            assertThat(response.headers()).hasSizeLessThanOrEqualTo(RdgHttpCodec.MAX_HEADERS);
            for (String scheme : new String[] {"NTLM", "Negotiate"}) {
                try {
                    byte[] token = HttpNtlmToken.fromChallenge(response, scheme);
                    assertThat(token.length).isLessThanOrEqualTo(HttpNtlmToken.MAX_TOKEN_CHARS);
                    NtlmCodec.serverChallenge(token);
                } catch (MalformedPduException e) {
                    ParseErrors.assertExplains(e);
                }
            }
        } catch (MalformedPduException e) {
            ParseErrors.assertExplains(e);
        }
    }
}
