package io.rdphealth.renew;

import java.util.Locale;

/** Which RDP server's certificate to renew. */
public enum RenewalPlatform {
    /** Windows when {@code os.name} starts with "Windows", else xrdp. */
    AUTO,
    /** The Windows RDP listener (TermService). */
    WINDOWS,
    /** xrdp on Linux. */
    XRDP;

    /**
     * Parses {@code auto}, {@code windows} or {@code xrdp} (any case; blank or {@code null} = AUTO).
     *
     * @throws IllegalArgumentException naming the bad value and the accepted ones
     */
    public static RenewalPlatform parse(String text) {
        if (text == null || text.isBlank()) {
            return AUTO;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown platform '" + text + "' (expected auto, windows or xrdp)");
        }
    }

    /** The concrete platform: AUTO decided by {@code osName}. */
    public RenewalPlatform resolve(String osName) {
        if (this != AUTO) {
            return this;
        }
        return osName != null && osName.toLowerCase(Locale.ROOT).startsWith("windows") ? WINDOWS : XRDP;
    }

    /** The lower-case name used in results and the plugin ({@code windows}, {@code xrdp}, {@code auto}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
