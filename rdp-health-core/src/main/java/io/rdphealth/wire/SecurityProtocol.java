package io.rdphealth.wire;

import java.util.ArrayList;
import java.util.List;

/** The requestedProtocols / selectedProtocol values of RDP_NEG_REQ / RDP_NEG_RSP (MS-RDPBCGR 2.2.1.1.1). */
public enum SecurityProtocol {
    /** Standard RDP security: the value 0, i.e. no bit. */
    RDP(0x00),
    SSL(0x01),
    HYBRID(0x02),
    RDSTLS(0x04),
    HYBRID_EX(0x08),
    RDSAAD(0x10);

    private final int bit;

    SecurityProtocol(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The protocol a server selected (a single value, not a bit set); {@code null} when unknown. */
    public static SecurityProtocol selected(int value) {
        for (SecurityProtocol protocol : values()) {
            if (protocol.bit == value) {
                return protocol;
            }
        }
        return null;
    }

    /** Names of the bits set in a requestedProtocols value ({@code RDP} for zero). */
    public static List<String> names(int bits) {
        List<String> names = new ArrayList<>();
        if (bits == 0) {
            names.add(RDP.name());
        }
        for (SecurityProtocol protocol : values()) {
            if (protocol.bit != 0 && (bits & protocol.bit) != 0) {
                names.add(protocol.name());
            }
        }
        int unknown = bits & ~0x1F;
        if (unknown != 0) {
            names.add(String.format("0x%X", unknown));
        }
        return names;
    }

    /** Whether a selected protocol runs TLS on the connection right after the X.224 exchange. */
    public boolean startsTls() {
        return this == SSL || this == HYBRID || this == HYBRID_EX || this == RDSTLS || this == RDSAAD;
    }

    /** Whether a selected protocol runs CredSSP after TLS. */
    public boolean usesCredSsp() {
        return this == HYBRID || this == HYBRID_EX;
    }
}
