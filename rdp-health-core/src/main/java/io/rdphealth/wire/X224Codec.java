package io.rdphealth.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Encodes the X.224 Connection Request and decodes the Connection Confirm (MS-RDPBCGR 2.2.1.1,
 * 2.2.1.2). Pure functions over bytes: no I/O.
 */
public final class X224Codec {
    /** A TPKT header is 4 bytes; the confirm is 11 (legacy) or 19 bytes. */
    public static final int TPKT_HEADER_LENGTH = 4;
    /** Largest confirm we accept. A real one is 19 bytes; anything far larger is hostile or not RDP. */
    public static final int MAX_CONFIRM_LENGTH = 512;

    private static final int TYPE_RDP_NEG_RSP = 0x02;
    private static final int TYPE_RDP_NEG_FAILURE = 0x03;

    private X224Codec() {
    }

    /** A Connection Request asking for {@code requestedProtocols}, with an optional mstshash cookie. */
    public static byte[] connectionRequest(int requestedProtocols, String cookieUser) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0xE0); // CR TPDU code
        body.write(0); body.write(0); // DST-REF
        body.write(0); body.write(0); // SRC-REF
        body.write(0); // class option
        if (cookieUser != null && !cookieUser.isEmpty()) {
            byte[] cookie = ("Cookie: mstshash=" + cookieUser + "\r\n").getBytes(StandardCharsets.US_ASCII);
            body.writeBytes(cookie);
        }
        body.write(0x01); // TYPE_RDP_NEG_REQ
        body.write(0x00); // flags
        body.write(0x08); body.write(0x00); // length 8
        body.write(requestedProtocols & 0xFF);
        body.write(requestedProtocols >>> 8 & 0xFF);
        body.write(requestedProtocols >>> 16 & 0xFF);
        body.write(requestedProtocols >>> 24 & 0xFF);
        byte[] x224 = body.toByteArray();
        int total = TPKT_HEADER_LENGTH + 1 + x224.length;
        byte[] pdu = new byte[total];
        pdu[0] = 0x03;
        pdu[1] = 0x00;
        pdu[2] = (byte) (total >>> 8);
        pdu[3] = (byte) total;
        pdu[4] = (byte) x224.length; // length indicator: bytes after it
        System.arraycopy(x224, 0, pdu, 5, x224.length);
        return pdu;
    }

    /**
     * Reads the total PDU length from the first 4 bytes (the TPKT header), rejecting what is not a
     * TPKT header or announces more than {@link #MAX_CONFIRM_LENGTH}.
     */
    public static int tpktLength(byte[] header) throws MalformedPduException {
        if (header.length < TPKT_HEADER_LENGTH) {
            throw new MalformedPduException(MalformedPduException.Kind.TRUNCATED,
                    "TPKT header has " + header.length + " of 4 bytes");
        }
        if ((header[0] & 0xFF) != 0x03 || header[1] != 0x00) {
            throw new MalformedPduException(MalformedPduException.Kind.NOT_RDP,
                    "not a TPKT header: " + describe(header, header.length));
        }
        int length = Bytes.u16be(header, 2);
        if (length < 7) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                    "TPKT length " + length + " is shorter than an X.224 confirm");
        }
        if (length > MAX_CONFIRM_LENGTH) {
            throw new MalformedPduException(MalformedPduException.Kind.TOO_LARGE,
                    "TPKT length " + length + " exceeds the " + MAX_CONFIRM_LENGTH + "-byte cap for a connection confirm");
        }
        return length;
    }

    /** Decodes a whole Connection Confirm PDU (TPKT header included). */
    public static X224Confirm decodeConfirm(byte[] pdu) throws MalformedPduException {
        int length = tpktLength(pdu);
        if (pdu.length < length) {
            throw new MalformedPduException(MalformedPduException.Kind.TRUNCATED,
                    "confirm has " + pdu.length + " of " + length + " bytes");
        }
        int li = pdu[4] & 0xFF;
        if (li + 5 != length) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                    "X.224 length indicator " + li + " does not match TPKT length " + length);
        }
        int code = pdu[5] & 0xF0;
        if (code != 0xD0) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                    String.format("X.224 TPDU code 0x%02X is not a Connection Confirm (0xD0)", pdu[5] & 0xFF));
        }
        int negOffset = 11;
        if (length == negOffset) {
            return new X224Confirm.LegacyConfirm();
        }
        if (length < negOffset + 8) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                    "confirm of " + length + " bytes has a partial negotiation structure");
        }
        int type = pdu[negOffset] & 0xFF;
        int flags = pdu[negOffset + 1] & 0xFF;
        int negLength = Bytes.u16le(pdu, negOffset + 2);
        if (negLength != 8) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                    "negotiation structure length " + negLength + " (expected 8)");
        }
        long value = Bytes.u32le(pdu, negOffset + 4);
        return switch (type) {
            case TYPE_RDP_NEG_RSP -> new X224Confirm.NegotiationResponse(flags, (int) value);
            case TYPE_RDP_NEG_FAILURE -> new X224Confirm.NegotiationFailure((int) value);
            default -> throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                    String.format("negotiation structure type 0x%02X is neither RDP_NEG_RSP nor RDP_NEG_FAILURE", type));
        };
    }

    /** A short, safe description of unexpected bytes: recognises common non-RDP banners. */
    public static String describe(byte[] bytes, int length) {
        String text = Bytes.printable(bytes, length, 24);
        if (text.startsWith("SSH-")) {
            return "an SSH banner '" + text.strip() + "'";
        }
        if (text.startsWith("HTTP/") || text.startsWith("<")) {
            return "an HTTP response '" + text.strip() + "'";
        }
        if (length > 0 && (bytes[0] & 0xFF) == 0x16) {
            return "a TLS record (direct TLS without X.224?): " + Bytes.hex(bytes, length, 8);
        }
        return "bytes " + Bytes.hex(bytes, length, 16);
    }
}
