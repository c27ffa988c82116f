package io.rdphealth.host.xrdp;

import io.rdphealth.evidence.TlsVersion;
import java.util.EnumSet;
import java.util.Set;

/**
 * xrdp's reading of {@code ssl_protocols}: the value, spaces removed and wrapped in commas, is
 * searched for {@code ,TLSv1,} ... {@code ,TLSv1.3,} (xrdp's {@code ssl_get_protocols_from_string}).
 * An absent key leaves OpenSSL's defaults (TLS 1.2 and 1.3 on Debian 12).
 */
public final class TlsProtocols {
    private TlsProtocols() {
    }

    /** The versions xrdp enables for {@code value}; OpenSSL's defaults when {@code value} is null. */
    public static Set<TlsVersion> enabled(String value) {
        if (value == null) {
            return EnumSet.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3);
        }
        String normalized = "," + value.replaceAll("\\s", "") + ",";
        Set<TlsVersion> versions = EnumSet.noneOf(TlsVersion.class);
        for (TlsVersion version : TlsVersion.values()) {
            if (normalized.contains("," + version.label() + ",")) {
                versions.add(version);
            }
        }
        return versions;
    }

    public static boolean hasModern(Set<TlsVersion> versions) {
        return versions.contains(TlsVersion.TLS_1_2) || versions.contains(TlsVersion.TLS_1_3);
    }
}
