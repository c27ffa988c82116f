package io.rdphealth.host.windows;

import java.util.List;
import java.util.Map;

/** Registry paths, store names, service names and event IDs RDP Health reads on Windows (all under HKLM). */
public final class WindowsConstants {
    public static final String TERMINAL_SERVER = "SYSTEM\\CurrentControlSet\\Control\\Terminal Server";
    public static final String TERMINAL_SERVICES_POLICY = "SOFTWARE\\Policies\\Microsoft\\Windows NT\\Terminal Services";
    public static final String RDP_TCP = TERMINAL_SERVER + "\\WinStations\\RDP-Tcp";
    public static final String DENY_TS_CONNECTIONS = "fDenyTSConnections";
    public static final String PORT_NUMBER = "PortNumber";
    public static final String SECURITY_LAYER = "SecurityLayer";
    public static final String USER_AUTHENTICATION = "UserAuthentication";
    public static final String MIN_ENCRYPTION_LEVEL = "MinEncryptionLevel";
    public static final String SSL_CERTIFICATE_SHA1_HASH = "SSLCertificateSHA1Hash";
    public static final String SELF_SIGNED_CERT_STORE = "SelfSignedCertStore";

    public static final String SCHANNEL_PROTOCOLS = "SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols";
    public static final String SCHANNEL_ENABLED = "Enabled";
    public static final String SCHANNEL_DISABLED_BY_DEFAULT = "DisabledByDefault";
    public static final String CIPHER_POLICY = "SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002";
    public static final String CIPHER_POLICY_FUNCTIONS = "Functions";
    public static final String CREDSSP_PARAMETERS = "SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\CredSSP\\Parameters";
    public static final String ALLOW_ENCRYPTION_ORACLE = "AllowEncryptionOracle";
    public static final String FIPS_POLICY = "SYSTEM\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy";
    public static final String FIPS_ENABLED = "Enabled";
    public static final String CRYPTOGRAPHY = "SOFTWARE\\Microsoft\\Cryptography";
    public static final String MACHINE_GUID = "MachineGuid";

    public static final String REMOTE_DESKTOP_STORE = "Remote Desktop";
    public static final String MY_STORE = "My";
    /** The CAPI container name TermService uses for its self-signed key (file name prefix f686aace...). */
    public static final String SELF_SIGNED_CONTAINER = "TSSecKeySet1";

    public static final String TERM_SERVICE = "TermService";
    public static final String UM_RDP_SERVICE = "UmRdpService";
    public static final String SESSION_ENV = "SessionEnv";
    /** The services RDP needs, in start order (UmRdpService depends on TermService). */
    public static final List<String> RDP_SERVICES = List.of(TERM_SERVICE, UM_RDP_SERVICE, SESSION_ENV);

    public static final String FIREWALL_RULE_GROUP = "@FirewallAPI.dll,-28752";

    public static final String SID_NETWORK_SERVICE = "S-1-5-20";
    public static final String SID_SYSTEM = "S-1-5-18";
    public static final String SID_ADMINISTRATORS = "S-1-5-32-544";
    public static final String SID_EVERYONE = "S-1-1-0";

    /** Event IDs that explain 0x904/0x7, with what they mean (System log). */
    public static final Map<Integer, String> RELEVANT_EVENTS = Map.ofEntries(
            Map.entry(1050, "inconsistent security settings"),
            Map.entry(1051, "no usable custom certificate"),
            Map.entry(1052, "certificate expires soon"),
            Map.entry(1053, "certificate expired"),
            Map.entry(1054, "certificate has no Server Authentication EKU"),
            Map.entry(1055, "private key inaccessible"),
            Map.entry(1056, "new self-signed certificate generated"),
            Map.entry(1057, "could not create self-signed certificate"),
            Map.entry(1058, "could not replace expired self-signed certificate"),
            Map.entry(1059, "certificate configuration reset"),
            Map.entry(36870, "cannot access the TLS server credential private key"),
            Map.entry(36871, "fatal error creating the TLS server credential"),
            Map.entry(36874, "no common cipher suite"),
            Map.entry(36887, "fatal alert received"),
            Map.entry(36888, "fatal alert generated"));

    private WindowsConstants() {
    }
}
