package io.rdphealth.host.windows;

/** Names of the fixes RDP Health applies on Windows ({@code Fix.automatedBy}, {@code rdphealth fix NAME}). */
public final class WindowsFixNames {
    public static final String RENEW_CERT = "renew-cert";
    public static final String INSTALL_CERT = "install-cert";
    public static final String REPAIR_KEY_ACL = "repair-key-acl";
    public static final String ENABLE_FIREWALL = "enable-firewall";
    public static final String ENABLE_TLS12 = "enable-tls12";
    public static final String START_SERVICES = "start-services";
    public static final String REBUILD_MACHINEKEYS = "rebuild-machinekeys";

    private WindowsFixNames() {
    }
}
