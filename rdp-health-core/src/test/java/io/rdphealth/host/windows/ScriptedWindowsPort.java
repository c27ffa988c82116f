package io.rdphealth.host.windows;

import io.rdphealth.evidence.CertificateInfo;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Stands in for Windows in tests: JNA cannot call Windows APIs on the Linux machines the build runs
 * on, so this in-memory host, seeded from a recorded {@link WindowsHostFacts} snapshot, plays the
 * OS behind the {@link WindowsPort}. It records every call, can make the n-th state-changing call
 * fail, and imitates the Windows behaviour the fixes rely on: SessionEnv/TermService generate a
 * self-signed certificate (in the TSSecKeySet1 container file) when the store is empty and the
 * MachineKeys ACL lets them; TermService loads the certificate when it starts and serves that one;
 * the SCM refuses to stop TermService while UmRdpService runs. {@link #verifier()} answers what a
 * wire probe of the listener would see.
 */
public final class ScriptedWindowsPort implements WindowsPort {
    private final Clock clock;
    private final String computerName;
    private final Path programData = Path.of("C:\\ProgramData");
    private final Map<String, RegistryValue> registry = new TreeMap<>();
    private final Map<String, Map<String, Cert>> stores = new TreeMap<>();
    private final Map<String, byte[]> files = new TreeMap<>();
    private final Map<String, String> acls = new TreeMap<>();
    private final Set<String> directories = new TreeSet<>();
    private final Map<String, ServiceFacts> services = new LinkedHashMap<>();
    private final Set<FirewallProfile> active = EnumSet.noneOf(FirewallProfile.class);
    private final Map<FirewallProfile, Boolean> firewallOn = new EnumMap<>(FirewallProfile.class);
    private final Map<FirewallProfile, Boolean> groupEnabled = new EnumMap<>(FirewallProfile.class);
    private final List<EventRecord> events = new ArrayList<>();
    private final List<FirewallBlockRule> blockRules = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final List<String> mutationCalls = new ArrayList<>();
    private int mutations;
    private int failAtMutation = -1;
    private int haltAtMutation = -1;
    private String loadedThumbprint;
    private int generated;
    private KeyStorage importStorage = KeyStorage.CAPI_MACHINE_KEYS;

    /** A certificate in a store: its DER and where its key lives. */
    private record Cert(byte[] der, KeyLocation key) {
    }

    private ScriptedWindowsPort(Clock clock, String computerName) {
        this.clock = clock;
        this.computerName = computerName;
    }

    /** A host in the state a snapshot describes. */
    public static ScriptedWindowsPort from(WindowsHostFacts facts, Clock clock) {
        ScriptedWindowsPort p = new ScriptedWindowsPort(clock, facts.computerName());
        ListenerSettings l = facts.listener();
        p.putDword(WindowsConstants.TERMINAL_SERVER, WindowsConstants.DENY_TS_CONNECTIONS, l.denyTsConnections());
        p.putDword(WindowsConstants.TERMINAL_SERVICES_POLICY, WindowsConstants.DENY_TS_CONNECTIONS, l.denyTsConnectionsPolicy());
        p.putDword(WindowsConstants.RDP_TCP, WindowsConstants.PORT_NUMBER, l.portNumber());
        p.putDword(WindowsConstants.RDP_TCP, WindowsConstants.SECURITY_LAYER, l.securityLayer());
        p.putDword(WindowsConstants.RDP_TCP, WindowsConstants.USER_AUTHENTICATION, l.userAuthentication());
        p.putDword(WindowsConstants.RDP_TCP, WindowsConstants.MIN_ENCRYPTION_LEVEL, l.minEncryptionLevel());
        if (l.pinnedCertificateSha1() != null) {
            p.registry.put(key(WindowsConstants.RDP_TCP, WindowsConstants.SSL_CERTIFICATE_SHA1_HASH),
                    new RegistryValue.Binary(HexFormat.of().parseHex(l.pinnedCertificateSha1())));
        }
        if (l.selfSignedCertStore() != null) {
            p.registry.put(key(WindowsConstants.RDP_TCP, WindowsConstants.SELF_SIGNED_CERT_STORE), new RegistryValue.Text(l.selfSignedCertStore()));
        }
        if (facts.machineGuid() != null) {
            p.registry.put(key(WindowsConstants.CRYPTOGRAPHY, WindowsConstants.MACHINE_GUID), new RegistryValue.Text(facts.machineGuid()));
        }
        for (SchannelProtocol s : facts.schannel()) {
            p.putDword(SchannelProtocol.registryKey(s.version()), WindowsConstants.SCHANNEL_ENABLED, s.enabled());
            p.putDword(SchannelProtocol.registryKey(s.version()), WindowsConstants.SCHANNEL_DISABLED_BY_DEFAULT, s.disabledByDefault());
        }
        CryptoPolicy c = facts.cryptoPolicy();
        if (c.cipherSuiteOrder() != null) {
            p.registry.put(key(WindowsConstants.CIPHER_POLICY, WindowsConstants.CIPHER_POLICY_FUNCTIONS),
                    new RegistryValue.Text(String.join(",", c.cipherSuiteOrder())));
        }
        p.putDword(WindowsConstants.CREDSSP_PARAMETERS, WindowsConstants.ALLOW_ENCRYPTION_ORACLE, c.credSspEncryptionOracle());
        p.putDword(WindowsConstants.FIPS_POLICY, WindowsConstants.FIPS_ENABLED, c.fipsAlgorithmPolicy());

        String machineKeys = WindowsInspector.windowsPath(WindowsInspector.machineKeysFolder(p.programData));
        p.directories.add(norm(machineKeys));
        if (facts.machineKeys() != null && facts.machineKeys().sddl() != null) {
            p.acls.put(norm(machineKeys), facts.machineKeys().sddl());
        }
        if (facts.cngKeys() != null) {
            p.directories.add(norm(facts.cngKeys().path()));
            if (facts.cngKeys().sddl() != null) {
                p.acls.put(norm(facts.cngKeys().path()), facts.cngKeys().sddl());
            }
        }
        for (StoreCertificate sc : facts.certificates()) {
            KeyLocation location = null;
            KeyContainer k = sc.key();
            if (k != null) {
                location = new KeyLocation(k.containerName(), k.exists() ? k.uniqueName() : null,
                        k.exists() && k.path() != null ? Path.of(k.path()) : null, k.storage());
                if (k.exists() && k.path() != null) {
                    p.files.put(norm(k.path()), ("key of " + sc.thumbprint()).getBytes(StandardCharsets.UTF_8));
                    if (k.sddl() != null) {
                        p.acls.put(norm(k.path()), k.sddl());
                    }
                }
            }
            p.store(sc.store()).put(sc.thumbprint(), new Cert(CertificateDecoder.derOf(sc.certificate()), location));
        }
        for (ServiceFacts s : facts.services()) {
            p.services.put(s.name().toLowerCase(Locale.ROOT), s);
        }
        p.active.addAll(facts.firewall().activeProfiles());
        p.firewallOn.putAll(facts.firewall().firewallEnabled());
        p.groupEnabled.putAll(facts.firewall().remoteDesktopRuleGroupEnabled());
        p.blockRules.addAll(facts.firewall().inboundTcpBlockRules());
        p.events.addAll(facts.events());
        ServiceFacts term = facts.service(WindowsConstants.TERM_SERVICE);
        if (term != null && term.running()) {
            p.loadedThumbprint = p.effectiveThumbprint();
        }
        return p;
    }

    // --- test controls --------------------------------------------------------------------

    /** Makes the n-th (0-based) state-changing call fail, once. */
    public ScriptedWindowsPort failAtMutation(int n) {
        this.failAtMutation = n;
        return this;
    }

    /**
     * Makes the n-th (0-based) state-changing call throw {@link SimulatedCrash} before it takes
     * effect: an {@link Error}, which no fix code catches, so the run stops there as if the process
     * had been killed (its lock is released, its journal stays).
     */
    public ScriptedWindowsPort haltAtMutation(int n) {
        this.haltAtMutation = n;
        return this;
    }

    /** The process "died" at a state-changing call (see {@link #haltAtMutation}). */
    public static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String message) {
            super(message);
        }
    }

    /**
     * Makes {@link #importPfx} put the key where Windows puts a key imported with a CNG key storage
     * provider (always for ECDSA keys): a file in Crypto\\Keys instead of MachineKeys.
     */
    public ScriptedWindowsPort importingKeysInto(KeyStorage storage) {
        this.importStorage = storage;
        return this;
    }

    /** State-changing calls made so far. */
    public int mutations() {
        return mutations;
    }

    /** The state-changing calls so far, in order, as "operation argument". */
    public List<String> mutationCalls() {
        return List.copyOf(mutationCalls);
    }

    /** The state-changing calls so far that restricted something else than the RdpHealth state folder or its backups folder. */
    public List<String> hostMutationCalls() {
        return mutationCalls.stream().filter(c -> !norm(c).matches("(createdirectory|writesecuritydescriptor) \\S*\\\\rdphealth(\\\\backups)?( .*)?"))
                .toList();
    }

    /** A folder that exists before the run, with this DACL (e.g. a state folder someone created earlier). */
    public ScriptedWindowsPort withDirectory(Path path, String sddl) {
        directories.add(norm(path));
        acls.put(norm(path), sddl);
        return this;
    }

    /** Every call, as "operation argument". */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** How many certificates the imitated SessionEnv generated. */
    public int generatedCertificates() {
        return generated;
    }

    /** Everything a fix may change, deep-copied, comparable with equals; the RdpHealth folder (backups, lock) is left out. */
    public State state() {
        Map<String, String> reg = new TreeMap<>();
        registry.forEach((k, v) -> reg.put(k, v.toString()));
        Map<String, String> certs = new TreeMap<>();
        stores.forEach((s, m) -> m.forEach((t, c) -> certs.put(s + "/" + t, HexFormat.of().formatHex(c.der()) + " " + c.key())));
        Map<String, String> fs = new TreeMap<>();
        files.forEach((k, v) -> {
            if (!k.contains("\\rdphealth")) {
                fs.put(k, HexFormat.of().formatHex(v));
            }
        });
        Map<String, String> acl = new TreeMap<>(acls);
        acl.keySet().removeIf(k -> k.contains("\\rdphealth"));
        Set<String> dirs = new TreeSet<>(directories);
        dirs.removeIf(k -> k.contains("\\rdphealth"));
        Map<String, String> svc = new TreeMap<>();
        services.forEach((k, v) -> svc.put(k, v.state() + "/" + v.startType()));
        return new State(reg, certs, fs, acl, dirs, svc, new TreeMap<>(groupEnabled).toString(), loadedThumbprint);
    }

    /** A comparable copy of the scripted host's state. */
    public record State(Map<String, String> registry, Map<String, String> certificates, Map<String, String> files,
                        Map<String, String> acls, Set<String> directories, Map<String, String> services,
                        String firewallGroups, String servedThumbprint) {
    }

    /** What a wire probe of the listener sees: the certificate TermService loaded at its last start. */
    public ListenerVerifier verifier() {
        return listenerPort -> {
            int configured = readRegistry(WindowsConstants.RDP_TCP, WindowsConstants.PORT_NUMBER)
                    .map(v -> ((RegistryValue.Dword) v).value()).orElse(ListenerSettings.DEFAULT_PORT);
            if (listenerPort != configured) {
                throw new IOException("connection refused on port " + listenerPort);
            }
            if (!queryService(WindowsConstants.TERM_SERVICE).running() || loadedThumbprint == null) {
                throw new IOException("connection reset: no certificate loaded");
            }
            return loadedThumbprint;
        };
    }

    // --- WindowsPort --------------------------------------------------------------------

    @Override
    public String computerName() {
        calls.add("computerName");
        return computerName;
    }

    @Override
    public Path programData() {
        return programData;
    }

    @Override
    public Optional<RegistryValue> readRegistry(String key, String name) {
        calls.add("readRegistry " + key + "\\" + name);
        return Optional.ofNullable(registry.get(key(key, name)));
    }

    @Override
    public void writeRegistry(String key, String name, RegistryValue value) {
        mutate("writeRegistry " + key + "\\" + name + " = " + value);
        registry.put(key(key, name), value);
    }

    @Override
    public void deleteRegistryValue(String key, String name) {
        mutate("deleteRegistryValue " + key + "\\" + name);
        registry.remove(key(key, name));
    }

    @Override
    public List<StoredCertificate> listCertificates(String store) {
        calls.add("listCertificates " + store);
        return store(store).values().stream().map(c -> new StoredCertificate(c.der(), c.key())).toList();
    }

    @Override
    public byte[] serializeCertificate(String store, String thumbprint) {
        calls.add("serializeCertificate " + store + " " + thumbprint);
        Cert cert = store(store).get(thumbprint.toUpperCase(Locale.ROOT));
        if (cert == null) {
            throw new WindowsPortException("CertFindCertificateInStore " + thumbprint + ": 0x80092004 (not found)");
        }
        // element = key location line + DER, enough to restore both
        String keyLine = cert.key() == null ? "-" : cert.key().containerName() + "|" + cert.key().uniqueName() + "|" + cert.key().path()
                + "|" + cert.key().storage();
        return (keyLine + "\n" + HexFormat.of().formatHex(cert.der())).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void addSerializedCertificate(String store, byte[] element) {
        mutate("addSerializedCertificate " + store);
        String[] parts = new String(element, StandardCharsets.UTF_8).split("\n", 2);
        byte[] der = HexFormat.of().parseHex(parts[1]);
        KeyLocation key = null;
        if (!parts[0].equals("-")) {
            String[] k = parts[0].split("\\|");
            key = new KeyLocation(k[0], k[1].equals("null") ? null : k[1], k[2].equals("null") ? null : Path.of(k[2]),
                    KeyStorage.valueOf(k[3]));
        }
        store(store).put(CertificateDecoder.decode(der).sha1(), new Cert(der, key));
    }

    @Override
    public void deleteCertificate(String store, String thumbprint) {
        mutate("deleteCertificate " + store + " " + thumbprint);
        store(store).remove(thumbprint.toUpperCase(Locale.ROOT));
    }

    @Override
    public String importPfx(String store, byte[] pfx, char[] password) {
        mutate("importPfx " + store);
        try {
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(new java.io.ByteArrayInputStream(pfx), password);
            for (String alias : java.util.Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    byte[] der = ks.getCertificate(alias).getEncoded();
                    String thumbprint = CertificateDecoder.decode(der).sha1();
                    String unique = "imported" + thumbprint.substring(0, 8).toLowerCase(Locale.ROOT) + "_" + machineGuid();
                    Path path = importStorage.folder(programData).resolve(unique);
                    files.put(norm(path), ("key of " + thumbprint).getBytes(StandardCharsets.UTF_8));
                    acls.put(norm(path), "O:BAG:SYD:PAI(A;;FA;;;SY)(A;;FA;;;BA)");
                    store(store).put(thumbprint, new Cert(der, new KeyLocation("{" + alias + "}", unique, path, importStorage)));
                    return thumbprint;
                }
            }
            throw new WindowsPortException("PFXImportCertStore: no certificate with a key");
        } catch (WindowsPortException e) {
            throw e;
        } catch (Exception e) {
            throw new WindowsPortException("PFXImportCertStore: 0x80070056 (the password is incorrect)", e);
        }
    }

    @Override
    public boolean exists(Path path) {
        calls.add("exists " + path);
        return files.containsKey(norm(path)) || directories.contains(norm(path));
    }

    @Override
    public byte[] readFile(Path path) throws IOException {
        calls.add("readFile " + path);
        byte[] b = files.get(norm(path));
        if (b == null) {
            throw new java.nio.file.NoSuchFileException(path.toString());
        }
        return b.clone();
    }

    @Override
    public void writeFile(Path path, byte[] content) throws IOException {
        mutate("writeFile " + path);
        files.put(norm(path), content.clone());
    }

    @Override
    public void deleteFile(Path path) throws IOException {
        mutate("deleteFile " + path);
        files.remove(norm(path));
        acls.remove(norm(path));
    }

    @Override
    public String readSecurityDescriptor(Path path) {
        calls.add("readSecurityDescriptor " + path);
        String sddl = acls.get(norm(path));
        if (sddl == null) {
            if (!files.containsKey(norm(path)) && !directories.contains(norm(path))) {
                throw new WindowsPortException("GetNamedSecurityInfo " + path + ": error 2 (file not found)");
            }
            return "O:SYG:SYD:AI(A;ID;FA;;;SY)(A;ID;FA;;;BA)";
        }
        return sddl;
    }

    @Override
    public void writeSecurityDescriptor(Path path, String sddl) {
        mutate("writeSecurityDescriptor " + path + " " + sddl);
        if (!files.containsKey(norm(path)) && !directories.contains(norm(path))) {
            throw new WindowsPortException("SetNamedSecurityInfo " + path + ": error 2 (file not found)");
        }
        Sddl.parse(sddl);
        acls.put(norm(path), sddl);
    }

    @Override
    public void move(Path from, Path to) throws IOException {
        mutate("move " + from + " " + to);
        String f = norm(from);
        String t = norm(to);
        if (!directories.contains(f) && !files.containsKey(f)) {
            throw new java.nio.file.NoSuchFileException(from.toString());
        }
        rename(directories, f, t);
        rename(files, f, t);
        rename(acls, f, t);
        // certificates keep their key location: that is why a renamed MachineKeys loses every machine key
    }

    @Override
    public void copyTree(Path from, Path to) throws IOException {
        mutate("copyTree " + from + " " + to);
        String f = norm(from);
        String t = norm(to);
        directories.add(t);
        for (Map.Entry<String, byte[]> e : new ArrayList<>(files.entrySet())) {
            if (e.getKey().startsWith(f + "\\")) {
                files.put(t + e.getKey().substring(f.length()), e.getValue().clone());
            }
        }
    }

    @Override
    public void createDirectory(Path path, String sddl) throws IOException {
        mutate("createDirectory " + path);
        directories.add(norm(path));
        if (sddl != null) {
            acls.put(norm(path), sddl);
        }
    }

    @Override
    public void deleteTree(Path path) throws IOException {
        mutate("deleteTree " + path);
        String p = norm(path);
        directories.removeIf(d -> d.equals(p) || d.startsWith(p + "\\"));
        files.keySet().removeIf(d -> d.startsWith(p + "\\"));
        acls.keySet().removeIf(d -> d.equals(p) || d.startsWith(p + "\\"));
    }

    @Override
    public ServiceFacts queryService(String name) {
        calls.add("queryService " + name);
        return services.getOrDefault(name.toLowerCase(Locale.ROOT), new ServiceFacts(name, ServiceState.NOT_INSTALLED, ServiceStartType.UNKNOWN));
    }

    @Override
    public void startService(String name) {
        mutate("startService " + name);
        ServiceFacts s = queryService(name);
        if (s.state() == ServiceState.NOT_INSTALLED) {
            throw new WindowsPortException("OpenService " + name + ": error 1060 (not installed)");
        }
        if (s.startType() == ServiceStartType.DISABLED) {
            throw new WindowsPortException("StartService " + name + ": error 1058 (disabled)");
        }
        if (s.state() == ServiceState.RUNNING) {
            throw new WindowsPortException("StartService " + name + ": error 1056 (already running)");
        }
        if (name.equalsIgnoreCase(WindowsConstants.UM_RDP_SERVICE) && !queryService(WindowsConstants.TERM_SERVICE).running()) {
            throw new WindowsPortException("StartService " + name + ": error 1068 (dependency TermService not running)");
        }
        services.put(name.toLowerCase(Locale.ROOT), new ServiceFacts(s.name(), ServiceState.RUNNING, s.startType()));
        if (name.equalsIgnoreCase(WindowsConstants.SESSION_ENV) || name.equalsIgnoreCase(WindowsConstants.TERM_SERVICE)) {
            generateSelfSignedIfMissing();
        }
        if (name.equalsIgnoreCase(WindowsConstants.TERM_SERVICE)) {
            loadedThumbprint = effectiveThumbprint();
        }
    }

    @Override
    public void stopService(String name) {
        mutate("stopService " + name);
        ServiceFacts s = queryService(name);
        if (s.state() != ServiceState.RUNNING) {
            throw new WindowsPortException("ControlService " + name + ": error 1062 (not started)");
        }
        if (name.equalsIgnoreCase(WindowsConstants.TERM_SERVICE) && queryService(WindowsConstants.UM_RDP_SERVICE).running()) {
            throw new WindowsPortException("ControlService " + name + ": error 1051 (dependent services are running)");
        }
        services.put(name.toLowerCase(Locale.ROOT), new ServiceFacts(s.name(), ServiceState.STOPPED, s.startType()));
        if (name.equalsIgnoreCase(WindowsConstants.TERM_SERVICE)) {
            loadedThumbprint = null;
        }
    }

    @Override
    public boolean waitForService(String name, ServiceState state, Duration timeout) {
        calls.add("waitForService " + name + " " + state);
        return queryService(name).state() == state;
    }

    @Override
    public Set<FirewallProfile> activeFirewallProfiles() {
        calls.add("activeFirewallProfiles");
        return Set.copyOf(active);
    }

    @Override
    public boolean firewallEnabled(FirewallProfile profile) {
        return firewallOn.getOrDefault(profile, true);
    }

    @Override
    public boolean isRuleGroupEnabled(FirewallProfile profile, String group) {
        calls.add("isRuleGroupEnabled " + profile);
        return groupEnabled.getOrDefault(profile, false);
    }

    @Override
    public void enableRuleGroup(FirewallProfile profile, String group, boolean enable) {
        mutate("enableRuleGroup " + profile + " " + enable);
        groupEnabled.put(profile, enable);
    }

    @Override
    public List<FirewallBlockRule> inboundTcpBlockRules() {
        calls.add("inboundTcpBlockRules");
        return List.copyOf(blockRules);
    }

    @Override
    public List<EventRecord> queryEvents(String log, Set<Integer> ids, Instant since, int max) {
        calls.add("queryEvents " + log);
        return events.stream().filter(e -> e.log().equalsIgnoreCase(log) && ids.contains(e.eventId()) && !e.time().isBefore(since))
                .limit(max).toList();
    }

    // --- imitation of Windows -----------------------------------------------------------

    private void mutate(String call) {
        calls.add(call);
        mutationCalls.add(call);
        int index = mutations++;
        if (index == haltAtMutation) {
            throw new SimulatedCrash("simulated crash at state-changing call #" + index + ": " + call);
        }
        if (index == failAtMutation) {
            throw new WindowsPortException("injected failure at state-changing call #" + index + ": " + call);
        }
    }

    /** The thumbprint TermService would load now: the pinned certificate when installed with a readable key, else the newest self-signed one. */
    private String effectiveThumbprint() {
        String pinned = readRegistry(WindowsConstants.RDP_TCP, WindowsConstants.SSL_CERTIFICATE_SHA1_HASH)
                .map(WindowsInspector::thumbprintOf).orElse(null);
        Cert chosen = pinned == null ? null : store(WindowsConstants.MY_STORE).get(pinned);
        if (chosen == null) {
            chosen = store(selfSignedStore()).values().stream()
                    .max(java.util.Comparator.comparing(c -> CertificateDecoder.decode(c.der()).notAfter())).orElse(null);
        }
        if (chosen == null || chosen.key() == null || chosen.key().path() == null) {
            return null;
        }
        String keyFile = norm(chosen.key().path());
        if (!files.containsKey(keyFile)) {
            return null;
        }
        String sddl = acls.get(keyFile);
        if (sddl != null && !Sddl.parse(sddl).networkServiceCanRead()) {
            return null;
        }
        return CertificateDecoder.decode(chosen.der()).sha1();
    }

    private void generateSelfSignedIfMissing() {
        String store = selfSignedStore();
        if (!store(store).isEmpty()) {
            return;
        }
        String folder = norm(WindowsInspector.machineKeysFolder(programData));
        String folderSddl = acls.get(folder);
        if (!directories.contains(folder) || (folderSddl != null
                && !Sddl.parse(folderSddl).allowsAll(WindowsConstants.SID_EVERYONE, 0x3))) {
            events.add(0, new EventRecord("System", "Microsoft-Windows-TerminalServices-RemoteConnectionManager", 1057,
                    clock.instant(), "The RD Session Host Server has failed to create a new self signed certificate. "
                    + "Status code: Keyset does not exist"));
            return;
        }
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair pair = gen.generateKeyPair();
            Instant now = clock.instant();
            X500Name name = new X500Name("CN=" + computerName);
            var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(182))), name, pair.getPublic());
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            byte[] der = builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())).getEncoded();
            String unique = WindowsInspector.SELF_SIGNED_KEY_FILE_PREFIX + machineGuid();
            Path keyPath = WindowsInspector.machineKeysFolder(programData).resolve(unique);
            files.put(norm(keyPath), ("key generated #" + ++generated).getBytes(StandardCharsets.UTF_8));
            acls.put(norm(keyPath), "O:SYG:SYD:PAI(A;;FA;;;SY)(A;;GR;;;NS)");
            CertificateInfo info = CertificateDecoder.decode(der);
            store(store).put(info.sha1(), new Cert(der, new KeyLocation(WindowsConstants.SELF_SIGNED_CONTAINER, unique, keyPath)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot mint the imitated self-signed certificate", e);
        }
    }

    private String selfSignedStore() {
        return readRegistry(WindowsConstants.RDP_TCP, WindowsConstants.SELF_SIGNED_CERT_STORE)
                .map(v -> ((RegistryValue.Text) v).value()).orElse(WindowsConstants.REMOTE_DESKTOP_STORE);
    }

    private String machineGuid() {
        return readRegistry(WindowsConstants.CRYPTOGRAPHY, WindowsConstants.MACHINE_GUID)
                .map(v -> ((RegistryValue.Text) v).value()).orElse("00000000-0000-0000-0000-000000000000");
    }

    private Map<String, Cert> store(String name) {
        return stores.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>());
    }

    private void putDword(String key, String name, Integer value) {
        if (value != null) {
            registry.put(key(key, name), new RegistryValue.Dword(value));
        }
    }

    private static String key(String key, String name) {
        return (key + "\\" + name).toLowerCase(Locale.ROOT);
    }

    private static String norm(Path path) {
        return norm(path.toString());
    }

    private static String norm(String path) {
        return path.replace('/', '\\').toLowerCase(Locale.ROOT);
    }

    private static <V> void rename(Map<String, V> map, String from, String to) {
        for (String k : new ArrayList<>(map.keySet())) {
            if (k.equals(from) || k.startsWith(from + "\\")) {
                map.put(to + k.substring(from.length()), map.remove(k));
            }
        }
    }

    private static void rename(Set<String> set, String from, String to) {
        for (String k : new ArrayList<>(set)) {
            if (k.equals(from) || k.startsWith(from + "\\")) {
                set.remove(k);
                set.add(to + k.substring(from.length()));
            }
        }
    }
}
