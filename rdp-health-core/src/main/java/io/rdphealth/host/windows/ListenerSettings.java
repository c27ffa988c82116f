package io.rdphealth.host.windows;

/**
 * Terminal Server and RDP-Tcp registry values, raw: {@code null} means the value is absent (Windows
 * then uses its default). Names are the registry value names.
 *
 * @param denyTsConnections        {@code Terminal Server\fDenyTSConnections}: 0 enabled, 1 disabled
 * @param denyTsConnectionsPolicy  the policy copy under {@code SOFTWARE\Policies\...\Terminal Services}; wins when present
 * @param portNumber               {@code WinStations\RDP-Tcp\PortNumber}
 * @param securityLayer            0 RDP, 1 negotiate, 2 TLS
 * @param userAuthentication       1 = NLA required
 * @param minEncryptionLevel       1..4 (4 = FIPS)
 * @param pinnedCertificateSha1    {@code SSLCertificateSHA1Hash} as upper-case hex, or {@code null} when nothing is pinned
 * @param selfSignedCertStore      {@code SelfSignedCertStore} (normally "Remote Desktop")
 */
public record ListenerSettings(
        Integer denyTsConnections,
        Integer denyTsConnectionsPolicy,
        Integer portNumber,
        Integer securityLayer,
        Integer userAuthentication,
        Integer minEncryptionLevel,
        String pinnedCertificateSha1,
        String selfSignedCertStore) {

    public static final int DEFAULT_PORT = 3389;

    /** The port the listener uses: PortNumber, or 3389 when absent. */
    public int effectivePort() {
        return portNumber == null ? DEFAULT_PORT : portNumber;
    }

    /** Whether Remote Desktop is enabled once the policy (which wins) and the local value are combined. */
    public boolean remoteDesktopEnabled() {
        if (denyTsConnectionsPolicy != null) {
            return denyTsConnectionsPolicy == 0;
        }
        return denyTsConnections == null || denyTsConnections == 0;
    }

    /** The self-signed certificate store name (default "Remote Desktop"). */
    public String effectiveSelfSignedStore() {
        return selfSignedCertStore == null || selfSignedCertStore.isBlank()
                ? WindowsConstants.REMOTE_DESKTOP_STORE : selfSignedCertStore;
    }
}
