package io.rdphealth.wire;

/**
 * The encryptionLevel a server announces in its security data (MS-RDPBCGR 2.2.1.4.3). It is the
 * server's configured minimum (Windows MinEncryptionLevel 1..4, xrdp crypt_level), not what one
 * client got.
 */
public enum EncryptionLevel {
    NONE(0),
    LOW(1),
    CLIENT_COMPATIBLE(2),
    HIGH(3),
    FIPS(4);

    private final int value;

    EncryptionLevel(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The level for a wire value, or {@code null} for a value outside the specification. */
    public static EncryptionLevel of(long value) {
        for (EncryptionLevel level : values()) {
            if (level.value == value) {
                return level;
            }
        }
        return null;
    }
}
