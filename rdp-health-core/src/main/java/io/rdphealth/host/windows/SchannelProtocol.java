package io.rdphealth.host.windows;

import io.rdphealth.evidence.TlsVersion;
import java.util.Objects;

/**
 * SCHANNEL server-side values of one protocol, raw ({@code null} = absent, OS default applies).
 *
 * @param version            the protocol
 * @param enabled            {@code ...\Protocols\TLS 1.x\Server\Enabled}
 * @param disabledByDefault  {@code ...\Protocols\TLS 1.x\Server\DisabledByDefault}
 */
public record SchannelProtocol(TlsVersion version, Integer enabled, Integer disabledByDefault) {
    public SchannelProtocol {
        Objects.requireNonNull(version, "version");
    }

    /**
     * Whether the registry turns the protocol off for TermService: Enabled = 0, or DisabledByDefault = 1
     * (TermService does not ask for protocols by name, so "off by default" is off for it).
     */
    public boolean explicitlyDisabled() {
        return (enabled != null && enabled == 0) || (disabledByDefault != null && disabledByDefault != 0);
    }

    /** The registry key of this protocol's server settings under HKLM. */
    public static String registryKey(TlsVersion version) {
        return WindowsConstants.SCHANNEL_PROTOCOLS + "\\" + keyName(version) + "\\Server";
    }

    /** "TLS 1.2" etc., the SCHANNEL key name. */
    public static String keyName(TlsVersion version) {
        return switch (version) {
            case TLS_1_0 -> "TLS 1.0";
            case TLS_1_1 -> "TLS 1.1";
            case TLS_1_2 -> "TLS 1.2";
            case TLS_1_3 -> "TLS 1.3";
        };
    }
}
