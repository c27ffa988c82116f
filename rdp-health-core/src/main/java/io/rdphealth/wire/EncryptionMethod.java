package io.rdphealth.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * The encryptionMethods bits of the client security data and the single encryptionMethod the
 * server answers in its security data (MS-RDPBCGR 2.2.1.3.3, 2.2.1.4.3). Only standard RDP
 * security uses them: RC4 with 40, 56 or 128-bit keys, or 3DES/SHA-1 for FIPS.
 */
public enum EncryptionMethod {
    BITS_40(0x01, "40-bit RC4"),
    BITS_128(0x02, "128-bit RC4"),
    BITS_56(0x08, "56-bit RC4"),
    FIPS(0x10, "FIPS 140-1 (3DES)");

    /** Every method a client can offer: the server picks one of them. */
    public static final int ALL_BITS = 0x01 | 0x02 | 0x08 | 0x10;

    private final int bit;
    private final String label;

    EncryptionMethod(int bit, String label) {
        this.bit = bit;
        this.label = label;
    }

    public int bit() {
        return bit;
    }

    public String label() {
        return label;
    }

    /** The method a server selected, or {@code null} for 0 (ENCRYPTION_METHOD_NONE) and undefined values. */
    public static EncryptionMethod of(long value) {
        for (EncryptionMethod method : values()) {
            if (method.bit == value) {
                return method;
            }
        }
        return null;
    }

    /** Whether the method is weak by today's measure: everything but FIPS and 128-bit is brute-forceable. */
    public boolean isExportGrade() {
        return this == BITS_40 || this == BITS_56;
    }

    /** Human names of a method value ("none" for 0, hex for undefined bits). */
    public static List<String> names(long bits) {
        List<String> names = new ArrayList<>();
        if (bits == 0) {
            names.add("none");
        }
        for (EncryptionMethod method : values()) {
            if ((bits & method.bit) != 0) {
                names.add(method.label);
            }
        }
        long unknown = bits & ~ALL_BITS & 0xFFFFFFFFL;
        if (unknown != 0) {
            names.add(String.format("0x%X", unknown));
        }
        return names;
    }
}
