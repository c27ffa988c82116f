package io.rdphealth.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * The NTLMv2 computations of MS-NLMP 3.3.2, pinned by the section 4.2.4 test vectors: NTOWFv2,
 * the NTLMv2 and LMv2 responses and the session base key. Pure functions; intermediate secrets are
 * zeroed before returning. MD4 comes from BouncyCastle (the JDK does not expose it).
 */
public final class NtlmV2 {
    private static final int BLOB_HEADER = 28;

    private NtlmV2() {
    }

    /** NTOWFv1, the "NT hash": MD4(UTF-16LE(password)). */
    public static byte[] ntHash(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_16LE.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        MD4Digest md4 = new MD4Digest();
        md4.update(bytes, 0, bytes.length);
        byte[] hash = new byte[16];
        md4.doFinal(hash, 0);
        Arrays.fill(bytes, (byte) 0);
        return hash;
    }

    /** NTOWFv2 = HMAC_MD5(NT hash, UTF-16LE(UPPER(user) + domain)); LMOWFv2 is the same value. */
    public static byte[] ntowfV2(byte[] ntHash, String user, String domain) {
        String identity = user.toUpperCase(Locale.ROOT) + (domain == null ? "" : domain);
        return hmacMd5(ntHash, identity.getBytes(StandardCharsets.UTF_16LE));
    }

    /**
     * The responses to one CHALLENGE.
     *
     * @param responseKeyNT   NTOWFv2 of the credentials
     * @param serverChallenge the CHALLENGE's 8 bytes
     * @param clientChallenge 8 random bytes
     * @param filetime        the CHALLENGE's MsvAvTimestamp when it sent one, else the client's time (FILETIME)
     * @param targetInfo      the CHALLENGE's AV pairs as sent
     * @param lmResponse      whether to compute the LMv2 response; MS-NLMP 3.1.5.1.2 says a client
     *                        that got a timestamp sends 24 zero bytes instead
     */
    public static NtlmV2Response respond(byte[] responseKeyNT, byte[] serverChallenge, byte[] clientChallenge, long filetime,
            byte[] targetInfo, boolean lmResponse) {
        if (responseKeyNT.length != 16 || serverChallenge.length != 8 || clientChallenge.length != 8) {
            throw new IllegalArgumentException("key 16 bytes, challenges 8 bytes each");
        }
        ByteBuffer temp = ByteBuffer.allocate(BLOB_HEADER + targetInfo.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        temp.put((byte) 1).put((byte) 1).put(new byte[6]); // RespType, HiRespType, Reserved1, Reserved2
        temp.putLong(filetime);
        temp.put(clientChallenge);
        temp.put(new byte[4]); // Reserved3
        temp.put(targetInfo);
        temp.put(new byte[4]); // Z(4) after the AV pairs
        byte[] blob = temp.array();

        byte[] ntProofStr = hmacMd5(responseKeyNT, concat(serverChallenge, blob));
        byte[] nt = concat(ntProofStr, blob);
        byte[] lm = lmResponse ? concat(hmacMd5(responseKeyNT, concat(serverChallenge, clientChallenge)), clientChallenge) : new byte[24];
        byte[] sessionBaseKey = hmacMd5(responseKeyNT, ntProofStr);
        NtlmV2Response response = new NtlmV2Response(nt, lm, sessionBaseKey);
        Arrays.fill(sessionBaseKey, (byte) 0);
        return response;
    }

    static byte[] hmacMd5(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 is a required JDK algorithm", e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
