package io.rdphealth.host.windows;

import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.evidence.TlsVersion;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads a {@link WindowsHostFacts} snapshot through a {@link WindowsPort}. Each section is read on
 * its own: a section that fails is named in {@code inspectionErrors} and left empty, so one denied
 * read does not lose the rest of the snapshot.
 */
public final class WindowsInspector {
    /** Events older than this are not explanations of a current failure. */
    public static final Duration EVENT_WINDOW = Duration.ofDays(14);
    public static final int MAX_EVENTS = 50;
    /** File name prefix of the TSSecKeySet1 container in MachineKeys (see rdp-facts). */
    public static final String SELF_SIGNED_KEY_FILE_PREFIX = "f686aace6942fb7f7ceb231212eef4a4_";

    private final WindowsPort port;
    private final Clock clock;

    public WindowsInspector(WindowsPort port, Clock clock) {
        this.port = port;
        this.clock = clock;
    }

    /** MachineKeys (CAPI machine keys) under a ProgramData folder. */
    public static Path machineKeysFolder(Path programData) {
        return KeyStorage.CAPI_MACHINE_KEYS.folder(programData);
    }

    /** Crypto\Keys (CNG machine keys of the Microsoft Software KSP) under a ProgramData folder. */
    public static Path cngKeysFolder(Path programData) {
        return KeyStorage.CNG_MACHINE_KEYS.folder(programData);
    }

    /** A path as Windows writes it (backslashes), whatever OS the port runs on, so snapshots compare. */
    public static String windowsPath(Path path) {
        return path.toString().replace('/', '\\');
    }

    public WindowsHostFacts inspect() {
        Instant now = clock.instant();
        List<String> errors = new ArrayList<>();
        String computerName = read(errors, "computer name", port::computerName, "unknown");
        String machineGuid = read(errors, "MachineGuid", () -> text(WindowsConstants.CRYPTOGRAPHY, WindowsConstants.MACHINE_GUID), null);
        ListenerSettings listener = read(errors, "Terminal Server registry", this::listener,
                new ListenerSettings(null, null, null, null, null, null, null, null));
        Path programData = read(errors, "ProgramData", port::programData, null);
        Path machineKeys = programData == null ? null : machineKeysFolder(programData);
        List<StoreCertificate> certificates = read(errors, "certificate stores",
                () -> certificates(listener, machineKeys, machineGuid), List.of());
        FolderAcl machineKeysAcl = machineKeys == null ? null : read(errors, "MachineKeys ACL",
                () -> new FolderAcl(windowsPath(machineKeys), port.readSecurityDescriptor(machineKeys)),
                new FolderAcl(windowsPath(machineKeys), null));
        Path cngKeys = programData == null ? null : cngKeysFolder(programData);
        FolderAcl cngKeysAcl = cngKeys == null ? null : read(errors, "Crypto\\Keys ACL",
                () -> port.exists(cngKeys) ? new FolderAcl(windowsPath(cngKeys), port.readSecurityDescriptor(cngKeys)) : null,
                new FolderAcl(windowsPath(cngKeys), null));
        List<ServiceFacts> services = read(errors, "services", this::services, List.of());
        FirewallFacts firewall = read(errors, "firewall", this::firewall, new FirewallFacts(Map.of(), Set.of(), Map.of(), List.of()))
                .withInboundTcpBlockRules(read(errors, "firewall block rules", port::inboundTcpBlockRules, List.of()));
        List<SchannelProtocol> schannel = read(errors, "SCHANNEL registry", this::schannel, List.of());
        CryptoPolicy crypto = read(errors, "crypto policy registry", this::cryptoPolicy, new CryptoPolicy(null, null, null));
        List<EventRecord> events = read(errors, "System event log",
                () -> port.queryEvents("System", WindowsConstants.RELEVANT_EVENTS.keySet(), now.minus(EVENT_WINDOW), MAX_EVENTS),
                List.of());
        return new WindowsHostFacts(WindowsHostFacts.SCHEMA_VERSION, now, computerName, machineGuid, listener,
                certificates, machineKeysAcl, services, firewall, schannel, crypto, events, errors, cngKeysAcl);
    }

    private static <T> T read(List<String> errors, String section, Supplier<T> reader, T fallback) {
        try {
            return reader.get();
        } catch (RuntimeException e) {
            errors.add(section + ": " + e.getMessage());
            return fallback;
        }
    }

    private ListenerSettings listener() {
        String pinned = port.readRegistry(WindowsConstants.RDP_TCP, WindowsConstants.SSL_CERTIFICATE_SHA1_HASH)
                .map(WindowsInspector::thumbprintOf).orElse(null);
        return new ListenerSettings(
                dword(WindowsConstants.TERMINAL_SERVER, WindowsConstants.DENY_TS_CONNECTIONS),
                dword(WindowsConstants.TERMINAL_SERVICES_POLICY, WindowsConstants.DENY_TS_CONNECTIONS),
                dword(WindowsConstants.RDP_TCP, WindowsConstants.PORT_NUMBER),
                dword(WindowsConstants.RDP_TCP, WindowsConstants.SECURITY_LAYER),
                dword(WindowsConstants.RDP_TCP, WindowsConstants.USER_AUTHENTICATION),
                dword(WindowsConstants.RDP_TCP, WindowsConstants.MIN_ENCRYPTION_LEVEL),
                pinned,
                text(WindowsConstants.RDP_TCP, WindowsConstants.SELF_SIGNED_CERT_STORE));
    }

    /** A pinned thumbprint as upper-case hex; an empty or all-zero value means nothing is pinned. */
    static String thumbprintOf(RegistryValue value) {
        if (value instanceof RegistryValue.Binary b) {
            byte[] bytes = b.bytes();
            boolean zero = true;
            for (byte x : bytes) {
                zero &= x == 0;
            }
            return bytes.length == 0 || zero ? null : HexFormat.of().withUpperCase().formatHex(bytes);
        }
        if (value instanceof RegistryValue.Text t && !t.value().isBlank()) {
            return t.value().replaceAll("[^0-9A-Fa-f]", "").toUpperCase(java.util.Locale.ROOT);
        }
        return null;
    }

    private List<StoreCertificate> certificates(ListenerSettings listener, Path machineKeys, String machineGuid) {
        List<StoreCertificate> result = new ArrayList<>();
        String selfSignedStore = listener.effectiveSelfSignedStore();
        for (WindowsPort.StoredCertificate stored : port.listCertificates(selfSignedStore)) {
            result.add(storeCertificate(selfSignedStore, stored, machineKeys, machineGuid));
        }
        if (listener.pinnedCertificateSha1() != null) {
            for (WindowsPort.StoredCertificate stored : port.listCertificates(WindowsConstants.MY_STORE)) {
                CertificateInfo info = CertificateDecoder.decode(stored.der());
                if (info.sha1().equals(listener.pinnedCertificateSha1())) {
                    result.add(storeCertificate(WindowsConstants.MY_STORE, stored, machineKeys, machineGuid));
                }
            }
        }
        return result;
    }

    private StoreCertificate storeCertificate(String store, WindowsPort.StoredCertificate stored, Path machineKeys, String machineGuid) {
        CertificateInfo info = CertificateDecoder.decode(stored.der());
        WindowsPort.KeyLocation location = stored.key();
        if (location == null) {
            return new StoreCertificate(store, info, null);
        }
        if (!location.storage().hasKeyFile()) {
            // Held by a smart card or the TPM: present as far as anyone can tell here, no file, no ACL.
            return new StoreCertificate(store, info,
                    new KeyContainer(location.containerName(), location.uniqueName(), null, true, null, location.storage()));
        }
        Path path = location.path();
        String unique = location.uniqueName();
        if (path == null && WindowsConstants.SELF_SIGNED_CONTAINER.equalsIgnoreCase(location.containerName())
                && machineKeys != null && machineGuid != null) {
            unique = SELF_SIGNED_KEY_FILE_PREFIX + machineGuid;
            path = machineKeys.resolve(unique);
        }
        boolean exists = path != null && port.exists(path);
        String sddl = null;
        if (exists) {
            sddl = port.readSecurityDescriptor(path);
        }
        return new StoreCertificate(store, info,
                new KeyContainer(location.containerName(), unique, path == null ? null : windowsPath(path), exists, sddl,
                        location.storage()));
    }

    private List<ServiceFacts> services() {
        return WindowsConstants.RDP_SERVICES.stream().map(port::queryService).toList();
    }

    private FirewallFacts firewall() {
        Map<FirewallProfile, Boolean> enabled = new EnumMap<>(FirewallProfile.class);
        Map<FirewallProfile, Boolean> group = new EnumMap<>(FirewallProfile.class);
        for (FirewallProfile profile : FirewallProfile.values()) {
            enabled.put(profile, port.firewallEnabled(profile));
            group.put(profile, port.isRuleGroupEnabled(profile, WindowsConstants.FIREWALL_RULE_GROUP));
        }
        return new FirewallFacts(enabled, port.activeFirewallProfiles(), group, List.of());
    }

    private List<SchannelProtocol> schannel() {
        return Arrays.stream(TlsVersion.values()).map(v -> new SchannelProtocol(v,
                dword(SchannelProtocol.registryKey(v), WindowsConstants.SCHANNEL_ENABLED),
                dword(SchannelProtocol.registryKey(v), WindowsConstants.SCHANNEL_DISABLED_BY_DEFAULT))).toList();
    }

    private CryptoPolicy cryptoPolicy() {
        List<String> suites = port.readRegistry(WindowsConstants.CIPHER_POLICY, WindowsConstants.CIPHER_POLICY_FUNCTIONS)
                .map(WindowsInspector::suites).orElse(null);
        return new CryptoPolicy(suites,
                dword(WindowsConstants.CREDSSP_PARAMETERS, WindowsConstants.ALLOW_ENCRYPTION_ORACLE),
                dword(WindowsConstants.FIPS_POLICY, WindowsConstants.FIPS_ENABLED));
    }

    private static List<String> suites(RegistryValue value) {
        List<String> raw = value instanceof RegistryValue.Text t ? Arrays.asList(t.value().split(","))
                : value instanceof RegistryValue.MultiText m ? m.values() : List.of();
        return raw.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private Integer dword(String key, String name) {
        Optional<RegistryValue> value = port.readRegistry(key, name);
        return value.filter(RegistryValue.Dword.class::isInstance).map(v -> ((RegistryValue.Dword) v).value()).orElse(null);
    }

    private String text(String key, String name) {
        return port.readRegistry(key, name).filter(RegistryValue.Text.class::isInstance)
                .map(v -> ((RegistryValue.Text) v).value()).orElse(null);
    }
}
