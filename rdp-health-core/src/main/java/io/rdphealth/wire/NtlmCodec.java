package io.rdphealth.wire;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/** NTLM NEGOTIATE encoding and CHALLENGE decoding (MS-NLMP). Pure functions; every offset is checked. */
public final class NtlmCodec {
    private static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
    public static final long NEGOTIATE_UNICODE = 0x00000001L;
    public static final long REQUEST_TARGET = 0x00000004L;
    public static final long NEGOTIATE_NTLM = 0x00000200L;
    public static final long NEGOTIATE_ALWAYS_SIGN = 0x00008000L;
    public static final long NEGOTIATE_EXTENDED_SESSIONSECURITY = 0x00080000L;
    public static final long NEGOTIATE_TARGET_INFO = 0x00800000L;
    public static final long NEGOTIATE_VERSION = 0x02000000L;
    public static final long NEGOTIATE_128 = 0x20000000L;
    public static final long NEGOTIATE_KEY_EXCH = 0x40000000L;
    public static final long NEGOTIATE_56 = 0x80000000L;

    private static final int AV_EOL = 0;
    private static final int AV_NB_COMPUTER = 1;
    private static final int AV_NB_DOMAIN = 2;
    private static final int AV_DNS_COMPUTER = 3;
    private static final int AV_DNS_DOMAIN = 4;
    private static final int AV_DNS_TREE = 5;
    private static final int AV_TIMESTAMP = 7;
    /** 100 ns intervals between 1601-01-01 and 1970-01-01. */
    private static final long FILETIME_EPOCH_OFFSET = 116_444_736_000_000_000L;

    private NtlmCodec() {
    }

    /** A NEGOTIATE message that asks for the target information (names, version). */
    public static byte[] negotiate() {
        long flags = NEGOTIATE_56 | NEGOTIATE_KEY_EXCH | NEGOTIATE_128 | NEGOTIATE_VERSION
                | NEGOTIATE_EXTENDED_SESSIONSECURITY | NEGOTIATE_ALWAYS_SIGN | NEGOTIATE_NTLM
                | REQUEST_TARGET | NEGOTIATE_UNICODE;
        byte[] message = new byte[40];
        System.arraycopy(SIGNATURE, 0, message, 0, 8);
        message[8] = 1; // NtLmNegotiate
        for (int i = 0; i < 4; i++) {
            message[12 + i] = (byte) (flags >>> (8 * i));
        }
        // Domain and workstation fields stay empty (offset 0); version 10.0.0, NTLM revision 15.
        message[32] = 10;
        message[39] = 15;
        return message;
    }

    public static NtlmChallenge decodeChallenge(byte[] m) throws MalformedPduException {
        if (m.length < 48) {
            throw new MalformedPduException(MalformedPduException.Kind.TRUNCATED,
                    "NTLM CHALLENGE has " + m.length + " bytes, at least 48 needed");
        }
        if (!Arrays.equals(m, 0, 8, SIGNATURE, 0, 8)) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "no NTLMSSP signature");
        }
        long type = Bytes.u32le(m, 8);
        if (type != 2) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "NTLM message type " + type + " is not CHALLENGE (2)");
        }
        long flags = Bytes.u32le(m, 20);
        String targetName = utf16(m, field(m, 12, "TargetName"));
        String osVersion = null;
        if ((flags & NEGOTIATE_VERSION) != 0 && m.length >= 56) {
            osVersion = (m[48] & 0xFF) + "." + (m[49] & 0xFF) + "." + Bytes.u16le(m, 50);
        }
        String[] names = new String[6];
        Instant time = null;
        int[] info = field(m, 40, "TargetInfo");
        int position = info[0];
        int end = info[0] + info[1];
        while (position + 4 <= end) {
            int id = Bytes.u16le(m, position);
            int length = Bytes.u16le(m, position + 2);
            int value = position + 4;
            if (length > end - value) {
                throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                        "AV pair " + id + " claims " + length + " bytes, " + (end - value) + " remain");
            }
            if (id == AV_EOL) {
                break;
            }
            if (id >= AV_NB_COMPUTER && id <= AV_DNS_TREE) {
                names[id] = utf16(m, new int[] {value, length});
            } else if (id == AV_TIMESTAMP && length == 8) {
                long filetime = Bytes.u32le(m, value) | Bytes.u32le(m, value + 4) << 32;
                long ticks = filetime - FILETIME_EPOCH_OFFSET;
                time = Instant.ofEpochSecond(Math.floorDiv(ticks, 10_000_000L), Math.floorMod(ticks, 10_000_000L) * 100);
            }
            position = value + length;
        }
        return new NtlmChallenge(targetName, flags, names[AV_NB_COMPUTER], names[AV_NB_DOMAIN],
                names[AV_DNS_COMPUTER], names[AV_DNS_DOMAIN], names[AV_DNS_TREE], osVersion, time);
    }

    /**
     * The part of a CHALLENGE an NTLMv2 response is computed over. The message is first checked
     * like {@link #decodeChallenge}, so every offset and AV pair length has been bounded.
     */
    public static NtlmServerChallenge serverChallenge(byte[] m) throws MalformedPduException {
        decodeChallenge(m);
        byte[] challenge = Arrays.copyOfRange(m, 24, 32);
        int[] info = field(m, 40, "TargetInfo");
        byte[] targetInfo = Arrays.copyOfRange(m, info[0], info[0] + info[1]);
        Long timestamp = null;
        int position = 0;
        while (position + 4 <= targetInfo.length) {
            int id = Bytes.u16le(targetInfo, position);
            int length = Bytes.u16le(targetInfo, position + 2);
            int value = position + 4;
            if (id == AV_EOL || length > targetInfo.length - value) {
                break;
            }
            if (id == AV_TIMESTAMP && length == 8) {
                timestamp = Bytes.u32le(targetInfo, value) | Bytes.u32le(targetInfo, value + 4) << 32;
            }
            position = value + length;
        }
        return new NtlmServerChallenge(Bytes.u32le(m, 20), challenge, targetInfo, timestamp);
    }

    /** An {offset, length} pair read from a security-buffer field and checked against the message size. */
    private static int[] field(byte[] m, int at, String name) throws MalformedPduException {
        int length = Bytes.u16le(m, at);
        long offset = Bytes.u32le(m, at + 4);
        if (length == 0) {
            return new int[] {0, 0};
        }
        if (offset > m.length || length > m.length - offset) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                    name + " field (offset " + offset + ", length " + length + ") lies outside the " + m.length + "-byte message");
        }
        return new int[] {(int) offset, length};
    }

    private static String utf16(byte[] m, int[] field) {
        if (field[1] == 0) {
            return null;
        }
        return new String(m, field[0], field[1] & ~1, StandardCharsets.UTF_16LE);
    }
}
