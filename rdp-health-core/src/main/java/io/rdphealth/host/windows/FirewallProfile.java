package io.rdphealth.host.windows;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Windows Firewall profiles with their NET_FW_PROFILE_TYPE2 bits. */
public enum FirewallProfile {
    DOMAIN(1),
    PRIVATE(2),
    PUBLIC(4);

    private final int bit;

    FirewallProfile(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public static Set<FirewallProfile> ofMask(int mask) {
        Set<FirewallProfile> set = EnumSet.noneOf(FirewallProfile.class);
        for (FirewallProfile p : values()) {
            if ((mask & p.bit) != 0) {
                set.add(p);
            }
        }
        return set;
    }

    /** Parses a profile name (domain, private, public), naming the bad value when it is not one. */
    public static FirewallProfile parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown firewall profile '" + text + "' (expected domain, private or public)");
        }
    }
}
