package io.rdphealth.testing.gateway;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * The server side of NTLM for {@link FakeRdGateway}, for tests only (a STAND-IN: no Windows
 * gateway or domain controller runs here). It builds CHALLENGE messages with fixed names, version
 * and timestamp, and verifies an NTLMv2 AUTHENTICATE for one account by recomputing NTProofStr from
 * the password: the same MS-NLMP 3.3.2 math as the client, written again here so a client bug does
 * not verify itself (the client's math is pinned by the MS-NLMP 4.2.4 vectors in NtlmV2Test).
 */
public final class NtlmStandIn {
    public static final String NETBIOS_COMPUTER = "RDGW01";
    public static final String NETBIOS_DOMAIN = "CONTOSO";
    public static final String DNS_COMPUTER = "rdgw01.contoso.test";
    public static final String DNS_DOMAIN = "contoso.test";
    public static final Instant TIMESTAMP = Instant.parse("2024-05-01T10:00:00Z");
    /** Windows Server 2022. */
    public static final String OS_VERSION = "10.0.20348";
    private static final long FILETIME_EPOCH_OFFSET = 116_444_736_000_000_000L;

    private final String user;
    private final String domain;
    private final char[] password;
    private final List<String> verdicts = new CopyOnWriteArrayList<>();

    public NtlmStandIn(String domain, String user, char[] password) {
        this.domain = domain;
        this.user = user;
        this.password = password.clone();
    }

    /** What the stand-in concluded about each AUTHENTICATE, in order ("accepted ..." or "rejected: ..."). */
    public List<String> verdicts() {
        return List.copyOf(verdicts);
    }

    public static long filetime() {
        return FILETIME_EPOCH_OFFSET + TIMESTAMP.getEpochSecond() * 10_000_000L;
    }

    /** The TargetInfo AV pairs: NetBIOS and DNS names, the timestamp, EOL. */
    public static byte[] targetInfo() {
        ByteBuffer b = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        pair(b, 2, NETBIOS_DOMAIN);
        pair(b, 1, NETBIOS_COMPUTER);
        pair(b, 4, DNS_DOMAIN);
        pair(b, 3, DNS_COMPUTER);
        pair(b, 5, DNS_DOMAIN);
        b.putShort((short) 7).putShort((short) 8).putLong(filetime());
        b.putInt(0);
        return Arrays.copyOf(b.array(), b.position());
    }

    private static void pair(ByteBuffer b, int id, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_16LE);
        b.putShort((short) id).putShort((short) bytes.length).put(bytes);
    }

    /** A CHALLENGE (MS-NLMP 2.2.1.2) with the given server challenge; {@code targetInfoOffset} overrides the real offset when >= 0. */
    public static byte[] challenge(byte[] serverChallenge, long targetInfoOffset) {
        byte[] name = NETBIOS_DOMAIN.getBytes(StandardCharsets.UTF_16LE);
        byte[] info = targetInfo();
        int header = 56;
        ByteBuffer b = ByteBuffer.allocate(header + name.length + info.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("NTLMSSP\0".getBytes(StandardCharsets.US_ASCII)).putInt(2);
        b.putShort((short) name.length).putShort((short) name.length).putInt(header);
        b.putInt(0xE28A8215); // UNICODE, REQUEST_TARGET, SIGN, NTLM, ALWAYS_SIGN, TARGET_TYPE_SERVER, ESS, TARGET_INFO, VERSION, 128, KEY_EXCH, 56
        b.put(serverChallenge).put(new byte[8]);
        b.putShort((short) info.length).putShort((short) info.length)
                .putInt((int) (targetInfoOffset >= 0 ? targetInfoOffset : header + name.length));
        b.put((byte) 10).put((byte) 0).putShort((short) 20348).put(new byte[3]).put((byte) 15);
        b.put(name).put(info);
        return b.array();
    }

    /** Verifies an NTLMv2 AUTHENTICATE answering {@code serverChallenge}; records the verdict. */
    public boolean verify(byte[] message, byte[] serverChallenge) {
        String verdict = check(message, serverChallenge);
        verdicts.add(verdict);
        return verdict.startsWith("accepted");
    }

    private String check(byte[] m, byte[] serverChallenge) {
        if (m.length < 64 || m[8] != 3) {
            return "rejected: not an AUTHENTICATE";
        }
        byte[] lm = field(m, 12);
        byte[] nt = field(m, 20);
        byte[] domainBytes = field(m, 28);
        byte[] userBytes = field(m, 36);
        if (lm == null || nt == null || domainBytes == null || userBytes == null || nt.length < 16 + 28) {
            return "rejected: fields outside the message";
        }
        String sentDomain = new String(domainBytes, StandardCharsets.UTF_16LE);
        String sentUser = new String(userBytes, StandardCharsets.UTF_16LE);
        if (!sentUser.equalsIgnoreCase(user) || !sentDomain.equalsIgnoreCase(domain)) {
            return "rejected: unknown account " + sentDomain + "\\" + sentUser;
        }
        long blobTime = ByteBuffer.wrap(nt, 24, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (blobTime != filetime()) {
            return "rejected: blob timestamp " + blobTime + " is not the CHALLENGE's " + filetime();
        }
        if (!Arrays.equals(lm, new byte[24])) {
            return "rejected: LM response sent although the CHALLENGE had a timestamp";
        }
        byte[] key = hmacMd5(md4(new String(password).getBytes(StandardCharsets.UTF_16LE)),
                (user.toUpperCase(Locale.ROOT) + sentDomain).getBytes(StandardCharsets.UTF_16LE));
        byte[] blob = Arrays.copyOfRange(nt, 16, nt.length);
        byte[] joined = Arrays.copyOf(serverChallenge, 8 + blob.length);
        System.arraycopy(blob, 0, joined, 8, blob.length);
        byte[] proof = hmacMd5(key, joined);
        if (!Arrays.equals(proof, Arrays.copyOf(nt, 16))) {
            return "rejected: NTProofStr does not match the password";
        }
        return "accepted " + sentDomain + "\\" + sentUser;
    }

    private static byte[] field(byte[] m, int at) {
        int length = (m[at] & 0xFF) | (m[at + 1] & 0xFF) << 8;
        long offset = ByteBuffer.wrap(m, at + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
        if (offset > m.length || length > m.length - offset) {
            return null;
        }
        return Arrays.copyOfRange(m, (int) offset, (int) offset + length);
    }

    /** The NT hash of this account's password, for tests that check it never leaks. */
    public byte[] ntHash() {
        return md4(new String(password).getBytes(StandardCharsets.UTF_16LE));
    }

    private static byte[] md4(byte[] data) {
        MD4Digest digest = new MD4Digest();
        digest.update(data, 0, data.length);
        byte[] out = new byte[16];
        digest.doFinal(out, 0);
        return out;
    }

    private static byte[] hmacMd5(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
