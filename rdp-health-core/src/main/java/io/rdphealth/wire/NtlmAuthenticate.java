package io.rdphealth.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The NTLM AUTHENTICATE message (MS-NLMP 2.2.1.3) with an NTLMv2 response. Pure encoder. The probe
 * authenticates an HTTP request, so no signing, sealing, key exchange or MIC is negotiated: the
 * message carries the responses, the names, and no session key.
 */
public final class NtlmAuthenticate {
    /** Flags this client accepts from a CHALLENGE: no SIGN, SEAL, KEY_EXCH, LM_KEY or DATAGRAM. */
    public static final long CLIENT_FLAGS = NtlmCodec.NEGOTIATE_UNICODE | NtlmCodec.REQUEST_TARGET | NtlmCodec.NEGOTIATE_NTLM
            | NtlmCodec.NEGOTIATE_ALWAYS_SIGN | NtlmCodec.NEGOTIATE_EXTENDED_SESSIONSECURITY | NtlmCodec.NEGOTIATE_TARGET_INFO
            | NtlmCodec.NEGOTIATE_VERSION | NtlmCodec.NEGOTIATE_128 | NtlmCodec.NEGOTIATE_56;
    /** Windows 10.0, build 0, NTLM revision 15: what {@link NtlmCodec#negotiate()} announces too. */
    private static final byte[] CLIENT_VERSION = {10, 0, 0, 0, 0, 0, 0, 15};
    private static final int HEADER = 64;
    private static final long FILETIME_EPOCH_OFFSET = 116_444_736_000_000_000L;

    private NtlmAuthenticate() {
    }

    /**
     * Encodes the message, payload in the order MS-NLMP 4.2.4.3 shows: domain, user, workstation,
     * LM response, NT response, encrypted session key. Strings are UTF-16LE (NEGOTIATE_UNICODE).
     *
     * @param version                  8 bytes, written when {@code flags} has NEGOTIATE_VERSION
     * @param encryptedRandomSessionKey the key-exchange field, or {@code null} for none
     */
    public static byte[] encode(long flags, String domain, String user, String workstation, byte[] lmResponse, byte[] ntResponse,
            byte[] encryptedRandomSessionKey, byte[] version) {
        boolean withVersion = (flags & NtlmCodec.NEGOTIATE_VERSION) != 0;
        if (withVersion && (version == null || version.length != 8)) {
            throw new IllegalArgumentException("NEGOTIATE_VERSION needs an 8-byte version");
        }
        byte[][] payload = {utf16(domain), utf16(user), utf16(workstation), lmResponse, ntResponse,
            encryptedRandomSessionKey == null ? new byte[0] : encryptedRandomSessionKey};
        int start = HEADER + (withVersion ? 8 : 0);
        int total = start;
        for (byte[] part : payload) {
            if (part.length > 0xFFFF) {
                throw new IllegalArgumentException("an AUTHENTICATE field is limited to 65535 bytes");
            }
            total += part.length;
        }
        ByteBuffer m = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        m.put("NTLMSSP\0".getBytes(StandardCharsets.US_ASCII));
        m.putInt(3);
        // Header field order: LM, NT, domain, user, workstation, session key (payload order differs).
        int[] fieldOrder = {3, 4, 0, 1, 2, 5};
        int[] offsets = new int[payload.length];
        int offset = start;
        for (int i = 0; i < payload.length; i++) {
            offsets[i] = offset;
            offset += payload[i].length;
        }
        for (int index : fieldOrder) {
            m.putShort((short) payload[index].length).putShort((short) payload[index].length).putInt(offsets[index]);
        }
        m.putInt((int) flags);
        if (withVersion) {
            m.put(version);
        }
        for (byte[] part : payload) {
            m.put(part);
        }
        return m.array();
    }

    /**
     * The AUTHENTICATE answering {@code challenge} for a password (NTLMv2, MS-NLMP 3.1.5.1.2): the
     * timestamp is the CHALLENGE's MsvAvTimestamp when present (and the LM response is then zeros),
     * else {@code now}. The password is read, not kept; the NT hash and keys are zeroed.
     */
    public static byte[] forPassword(NtlmServerChallenge challenge, String domain, String user, char[] password,
            byte[] clientChallenge, String workstation, Instant now) {
        byte[] ntHash = NtlmV2.ntHash(password);
        byte[] key = NtlmV2.ntowfV2(ntHash, user, domain);
        Arrays.fill(ntHash, (byte) 0);
        try {
            boolean serverTime = challenge.timestamp() != null;
            long time = serverTime ? challenge.timestamp() : filetime(now);
            NtlmV2Response response = NtlmV2.respond(key, challenge.serverChallenge(), clientChallenge, time, challenge.targetInfo(),
                    !serverTime);
            long flags = challenge.negotiateFlags() & CLIENT_FLAGS | NtlmCodec.NEGOTIATE_UNICODE | NtlmCodec.NEGOTIATE_NTLM;
            return encode(flags, domain, user, workstation, response.lmChallengeResponse(), response.ntChallengeResponse(), null,
                    CLIENT_VERSION.clone());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** 100 ns ticks since 1601-01-01 UTC. */
    public static long filetime(Instant instant) {
        return FILETIME_EPOCH_OFFSET + instant.getEpochSecond() * 10_000_000L + instant.getNano() / 100;
    }

    private static byte[] utf16(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_16LE);
    }
}
