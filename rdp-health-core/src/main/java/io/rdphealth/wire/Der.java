package io.rdphealth.wire;

import java.io.ByteArrayOutputStream;

/**
 * The little DER that CredSSP needs: encoding of nested TLVs, and a bounded decoder of one TLV at
 * a time. Every length comes from the peer, so every length is checked against what is there.
 */
public final class Der {
    public static final int SEQUENCE = 0x30;
    public static final int INTEGER = 0x02;
    public static final int OCTET_STRING = 0x04;

    private Der() {
    }

    public static int contextTag(int number) {
        return 0xA0 | number;
    }

    public static byte[] tlv(int tag, byte[]... contents) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] content : contents) {
            body.writeBytes(content);
        }
        byte[] value = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        writeLength(out, value.length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    public static byte[] integer(int value) {
        if (value >= 0 && value < 0x80) {
            return tlv(INTEGER, new byte[] {(byte) value});
        }
        byte[] big = java.math.BigInteger.valueOf(value).toByteArray();
        return tlv(INTEGER, big);
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >>> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >>> 16);
            out.write(length >>> 8);
            out.write(length);
        }
    }

    /** One decoded TLV: its tag and the bounds of its value inside the source buffer. */
    public record Element(int tag, byte[] source, int valueOffset, int valueLength) {
        public int end() {
            return valueOffset + valueLength;
        }

        public byte[] value() {
            byte[] value = new byte[valueLength];
            System.arraycopy(source, valueOffset, value, 0, valueLength);
            return value;
        }

        /** The value of a small non-negative INTEGER. */
        public long asLong() throws MalformedPduException {
            if (tag != INTEGER || valueLength < 1 || valueLength > 8) {
                throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                        "expected a small INTEGER, found tag 0x" + Integer.toHexString(tag) + " of " + valueLength + " bytes");
            }
            long value = source[valueOffset]; // sign-extended first byte
            for (int i = 1; i < valueLength; i++) {
                value = value << 8 | (source[valueOffset + i] & 0xFF);
            }
            return value;
        }
    }

    /** A definite length read from the peer: where the value starts and how many bytes it has. */
    public record Length(int valueOffset, int length) {
    }

    /**
     * Reads a definite length (short form, or long form of 1 to 4 bytes, as DER and the BER of
     * MCS use) at {@code offset}, and checks that the value it announces ends at or before
     * {@code limit}. {@code what} names the element in error messages.
     */
    public static Length readLength(byte[] source, int offset, int limit, String what) throws MalformedPduException {
        if (offset >= limit) {
            throw new MalformedPduException(MalformedPduException.Kind.TRUNCATED, what + ": length missing");
        }
        int first = source[offset] & 0xFF;
        int position = offset + 1;
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7F;
            if (count == 0 || count > 4) {
                throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                        what + ": length form 0x" + Integer.toHexString(first));
            }
            if (position + count > limit) {
                throw new MalformedPduException(MalformedPduException.Kind.TRUNCATED, what + ": length truncated");
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = length << 8 | (source[position++] & 0xFF);
            }
        }
        if (length > limit - position) {
            throw new MalformedPduException(MalformedPduException.Kind.TRUNCATED,
                    what + " claims " + length + " bytes, " + (limit - position) + " remain");
        }
        return new Length(position, (int) length);
    }

    /**
     * Reads the TLV at {@code offset}, which must end at or before {@code limit}. Only single-byte
     * tags and definite lengths of up to 4 bytes are DER; anything else is malformed.
     */
    public static Element read(byte[] source, int offset, int limit) throws MalformedPduException {
        if (offset + 2 > limit) {
            throw new MalformedPduException(MalformedPduException.Kind.TRUNCATED, "DER element truncated at offset " + offset);
        }
        int tag = source[offset] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "multi-byte DER tag at offset " + offset);
        }
        Length length = readLength(source, offset + 1, limit, "DER element at offset " + offset);
        return new Element(tag, source, length.valueOffset(), length.length());
    }

    /**
     * The total size of the TLV whose first bytes are in {@code header} (tag, length, value), or
     * -1 when more header bytes are needed. Lets a stream reader know how much to read, and
     * refuse before reading, when the peer announces more than {@code cap}.
     */
    public static int totalLength(byte[] header, int available, int cap) throws MalformedPduException {
        if (available < 2) {
            return -1;
        }
        int first = header[1] & 0xFF;
        long length;
        int headerLength;
        if (first < 0x80) {
            length = first;
            headerLength = 2;
        } else {
            int count = first & 0x7F;
            if (count == 0 || count > 4) {
                throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                        "DER length form 0x" + Integer.toHexString(first));
            }
            if (available < 2 + count) {
                return -1;
            }
            length = 0;
            for (int i = 0; i < count; i++) {
                length = length << 8 | (header[2 + i] & 0xFF);
            }
            headerLength = 2 + count;
        }
        if (length + headerLength > cap) {
            throw new MalformedPduException(MalformedPduException.Kind.TOO_LARGE,
                    "DER element announces " + length + " bytes, over the " + cap + "-byte cap");
        }
        return (int) (length + headerLength);
    }
}
