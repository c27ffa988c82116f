package io.rdphealth.wire;

/** Little helpers for reading fixed-width integers and showing peer bytes safely. */
public final class Bytes {
    private Bytes() {
    }

    public static int u16le(byte[] b, int offset) {
        return (b[offset] & 0xFF) | (b[offset + 1] & 0xFF) << 8;
    }

    public static int u16be(byte[] b, int offset) {
        return (b[offset] & 0xFF) << 8 | (b[offset + 1] & 0xFF);
    }

    public static long u32le(byte[] b, int offset) {
        return (b[offset] & 0xFFL) | (b[offset + 1] & 0xFFL) << 8 | (b[offset + 2] & 0xFFL) << 16
                | (b[offset + 3] & 0xFFL) << 24;
    }

    /** Up to {@code max} bytes as hex, for evidence lines. */
    public static String hex(byte[] b, int length, int max) {
        StringBuilder out = new StringBuilder();
        int n = Math.min(length, max);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(String.format("%02X", b[i] & 0xFF));
        }
        if (length > max) {
            out.append(" ...");
        }
        return out.toString();
    }

    /** Up to {@code max} bytes as printable ASCII (others as '.'), to show banners like "SSH-2.0" or "HTTP/1.1". */
    public static String printable(byte[] b, int length, int max) {
        StringBuilder out = new StringBuilder();
        int n = Math.min(length, max);
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            out.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
        }
        return out.toString();
    }
}
