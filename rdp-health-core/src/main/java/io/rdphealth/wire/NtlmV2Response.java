package io.rdphealth.wire;

import java.util.Arrays;

/**
 * The NTLMv2 answer to one server challenge (MS-NLMP 3.3.2). Secret-derived: never put it in
 * evidence; {@link #toString()} shows sizes only.
 *
 * @param ntChallengeResponse NTProofStr (16 bytes) followed by the temp blob
 * @param lmChallengeResponse LMv2 response (24 bytes), or 24 zero bytes when the server sent a timestamp
 * @param sessionBaseKey      HMAC_MD5(ResponseKeyNT, NTProofStr)
 */
public record NtlmV2Response(byte[] ntChallengeResponse, byte[] lmChallengeResponse, byte[] sessionBaseKey) {

    public NtlmV2Response {
        ntChallengeResponse = ntChallengeResponse.clone();
        lmChallengeResponse = lmChallengeResponse.clone();
        sessionBaseKey = sessionBaseKey.clone();
    }

    @Override
    public byte[] ntChallengeResponse() {
        return ntChallengeResponse.clone();
    }

    @Override
    public byte[] lmChallengeResponse() {
        return lmChallengeResponse.clone();
    }

    @Override
    public byte[] sessionBaseKey() {
        return sessionBaseKey.clone();
    }

    /** The first 16 bytes of the NT response. */
    public byte[] ntProofStr() {
        return Arrays.copyOf(ntChallengeResponse, 16);
    }

    @Override
    public String toString() {
        return "NtlmV2Response[nt=" + ntChallengeResponse.length + " bytes, lm=" + lmChallengeResponse.length + " bytes]";
    }
}
