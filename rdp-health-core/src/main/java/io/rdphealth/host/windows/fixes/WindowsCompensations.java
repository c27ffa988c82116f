package io.rdphealth.host.windows.fixes;

import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.fix.AtomicFiles;
import io.rdphealth.fix.ChangeContext;
import io.rdphealth.fix.Compensation;
import io.rdphealth.fix.CompensationHandler;
import io.rdphealth.host.windows.FirewallProfile;
import io.rdphealth.host.windows.RegistryValue;
import io.rdphealth.host.windows.WindowsPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The Windows undo kinds, as journal data ({@link Compensation}) and as the
 * {@link CompensationHandler}s that replay them. A Windows step captures the state it is about to
 * change in {@link io.rdphealth.fix.Step#prepare} with one of the factories here (binary state,
 * such as a serialized certificate or a key container, goes to a fsynced file in the run's backup
 * folder; everything else into the parameters), so the undo needs nothing from the process that
 * applied the step: a run killed between steps is undone by the next run from the journal.
 * Every undo is idempotent, because recovery may repeat one that was cut short.
 */
public final class WindowsCompensations {
    /** Put a registry value back, or delete it when it was absent. */
    public static final String REGISTRY_VALUE = "windows-registry-value";
    /** Put a file's or folder's security descriptor back. */
    public static final String SECURITY_DESCRIPTOR = "windows-security-descriptor";
    /** Re-add a serialized certificate (with its key container file and ACL) and drop certificates added since. */
    public static final String STORE_CERTIFICATE = "windows-store-certificate";
    /** Remove a certificate an import added, with its key container file. */
    public static final String IMPORTED_CERTIFICATE = "windows-imported-certificate";
    /** Set an RDP service state: stop one service, or restart them all so they load the restored certificate. */
    public static final String SERVICE_STATE = "windows-service-state";
    /** Put a firewall rule group's enabled state for one profile back. */
    public static final String FIREWALL_RULE_GROUP = "windows-firewall-rule-group";
    /** Put a folder that was renamed aside back in place (what was created in its place is deleted). */
    public static final String FOLDER_ASIDE = "windows-folder-aside";

    /** Backups are certificates, key containers and SDDL strings; anything bigger is not ours. */
    static final long MAX_BACKUP_BYTES = 16L * 1024 * 1024;

    private WindowsCompensations() {
    }

    /** The handlers a Windows {@link io.rdphealth.fix.ChangeRunner} registers for {@code port}. */
    public static List<CompensationHandler> handlers(WindowsPort port, FixSettings settings) {
        ServiceControl services = new ServiceControl(port, settings.serviceTimeout());
        return List.of(
                new Handler(REGISTRY_VALUE, c -> undoRegistry(port, c),
                        c -> "restore HKLM\\" + c.params().get("key") + "\\" + c.params().get("name") + " = "
                                + ("true".equals(c.params().get("present")) ? c.params().get("value") : "(absent)")),
                new Handler(SECURITY_DESCRIPTOR, c -> {
                    Path path = Path.of(c.require("path"));
                    if ("true".equals(c.params().get("onlyIfExists")) && !port.exists(path)) {
                        return;
                    }
                    port.writeSecurityDescriptor(path, c.require("sddl"));
                }, c -> "restore the ACL of " + c.params().get("path") + " to " + c.params().get("sddl")),
                new Handler(STORE_CERTIFICATE, c -> undoStoreCertificate(port, c),
                        c -> "restore certificate " + c.params().get("thumbprint") + " in LocalMachine\\" + c.params().get("store")
                                + " from " + c.params().get("element")),
                new Handler(IMPORTED_CERTIFICATE, c -> undoImport(port, c),
                        c -> "remove the imported certificate " + c.params().get("thumbprint") + " and its key"),
                new Handler(SERVICE_STATE, c -> {
                    String action = c.require("action");
                    switch (action) {
                        case "restart-all" -> services.restartAll();
                        case "stop" -> services.stop(c.require("service"));
                        default -> throw new IOException("unknown service action '" + action + "'");
                    }
                }, c -> "restart-all".equals(c.params().get("action")) ? "restart the RDP services"
                        : "stop " + c.params().get("service")),
                new Handler(FIREWALL_RULE_GROUP, c -> port.enableRuleGroup(FirewallProfile.valueOf(c.require("profile")),
                        c.require("group"), Boolean.parseBoolean(c.require("enabled"))),
                        c -> ("true".equals(c.params().get("enabled")) ? "enable" : "disable") + " rule group "
                                + c.params().get("group") + " for profile " + c.params().get("profile")),
                new Handler(FOLDER_ASIDE, c -> {
                    Path folder = Path.of(c.require("folder"));
                    Path aside = Path.of(c.require("aside"));
                    if (port.exists(aside)) {
                        port.deleteTree(folder);
                        port.move(aside, folder);
                    }
                }, c -> "move " + c.params().get("aside") + " back to " + c.params().get("folder")));
    }

    // --- captures (run in Step#prepare, before the change) ------------------------------------

    /** The current value of {@code key\name} (or its absence). */
    static Compensation registryValue(WindowsPort port, String key, String name) {
        Map<String, String> params = new HashMap<>();
        params.put("key", key);
        params.put("name", name);
        Optional<RegistryValue> value = port.readRegistry(key, name);
        params.put("present", Boolean.toString(value.isPresent()));
        if (value.isPresent()) {
            RegistryValue v = value.get();
            if (v instanceof RegistryValue.Dword d) {
                params.put("type", "dword");
                params.put("value", Integer.toString(d.value()));
            } else if (v instanceof RegistryValue.Text t) {
                params.put("type", "text");
                params.put("value", t.value());
            } else if (v instanceof RegistryValue.MultiText m) {
                params.put("type", "multi");
                params.put("value", String.join("\0", m.values()));
            } else if (v instanceof RegistryValue.Binary b) {
                params.put("type", "binary");
                params.put("value", HexFormat.of().formatHex(b.bytes()));
            }
        }
        return new Compensation(REGISTRY_VALUE, params);
    }

    /** Restores {@code sddl} on {@code path}; with {@code onlyIfExists} a path that is gone by then is left alone. */
    static Compensation securityDescriptor(Path path, String sddl, boolean onlyIfExists) {
        return new Compensation(SECURITY_DESCRIPTOR, Map.of("path", path.toString(), "sddl", sddl,
                "onlyIfExists", Boolean.toString(onlyIfExists)));
    }

    /**
     * Backs up {@code thumbprint} of {@code store} as a serialized store element (key-provider
     * property included) and, when {@code keyPath} is given, its key container file and ACL; the
     * undo also deletes every certificate of the store that was not there now.
     */
    static Compensation storeCertificate(WindowsPort port, ChangeContext context, String store, String thumbprint,
                                         Path keyPath) throws IOException {
        Map<String, String> params = new HashMap<>();
        params.put("store", store);
        params.put("thumbprint", thumbprint);
        params.put("keep", port.listCertificates(store).stream()
                .map(s -> io.rdphealth.host.windows.CertificateDecoder.decode(s.der()).sha1())
                .collect(Collectors.joining(",")));
        params.put("element", save(context, thumbprint + ".certelement", port.serializeCertificate(store, thumbprint)).toString());
        if (keyPath != null) {
            params.put("keyPath", keyPath.toString());
            params.put("keyBackup", save(context, keyPath.getFileName() + ".key", port.readFile(keyPath)).toString());
            params.put("keySddl", port.readSecurityDescriptor(keyPath));
        }
        return new Compensation(STORE_CERTIFICATE, params);
    }

    /** Removes {@code thumbprint} from {@code store} with its key container file, when present. */
    static Compensation importedCertificate(String store, String thumbprint) {
        return new Compensation(IMPORTED_CERTIFICATE, Map.of("store", store, "thumbprint", thumbprint));
    }

    /** Stops and starts the RDP services in dependency order, so they load what the other undos restored. */
    static Compensation restartRdpServices() {
        return new Compensation(SERVICE_STATE, Map.of("action", "restart-all"));
    }

    /** Stops {@code service} (it was stopped before the step started it). */
    static Compensation stopService(String service) {
        return new Compensation(SERVICE_STATE, Map.of("action", "stop", "service", service));
    }

    /** Sets {@code group} for {@code profile} back to {@code enabled}. */
    static Compensation firewallRuleGroup(FirewallProfile profile, String group, boolean enabled) {
        return new Compensation(FIREWALL_RULE_GROUP, Map.of("profile", profile.name(), "group", group,
                "enabled", Boolean.toString(enabled)));
    }

    /** Deletes what is at {@code folder} and renames {@code aside} back to it, when {@code aside} still exists. */
    static Compensation folderAside(Path folder, Path aside) {
        return new Compensation(FOLDER_ASIDE, Map.of("folder", folder.toString(), "aside", aside.toString()));
    }

    /** Writes {@code content} to the run's backup folder and flushes it to the disk before the step starts. */
    static Path save(ChangeContext context, String name, byte[] content) throws IOException {
        Path dir = context.backupDir();
        Files.createDirectories(dir);
        Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_"));
        Files.write(file, content, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        AtomicFiles.fsync(file);
        AtomicFiles.fsyncDirectory(dir);
        return file.toAbsolutePath();
    }

    // --- undos ------------------------------------------------------------------------------

    private static void undoRegistry(WindowsPort port, Compensation c) throws IOException {
        String key = c.require("key");
        String name = c.require("name");
        if (!Boolean.parseBoolean(c.require("present"))) {
            port.deleteRegistryValue(key, name);
            return;
        }
        String value = c.require("value");
        String type = c.require("type");
        RegistryValue restored = switch (type) {
            case "dword" -> new RegistryValue.Dword(Integer.parseInt(value));
            case "text" -> new RegistryValue.Text(value);
            case "multi" -> new RegistryValue.MultiText(value.isEmpty() ? List.of() : Arrays.asList(value.split("\0", -1)));
            case "binary" -> new RegistryValue.Binary(HexFormat.of().parseHex(value));
            default -> throw new IOException("unknown registry value type '" + type + "'");
        };
        port.writeRegistry(key, name, restored);
    }

    private static void undoStoreCertificate(WindowsPort port, Compensation c) throws IOException {
        String store = c.require("store");
        String thumbprint = c.require("thumbprint");
        Set<String> keep = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        keep.addAll(Arrays.asList(c.require("keep").split(",")));
        keep.add(thumbprint);
        for (CertificateInfo other : FixSupport.certificates(port, store)) {
            if (!keep.contains(other.sha1())) {
                port.deleteCertificate(store, other.sha1());
            }
        }
        String keyBackup = c.params().get("keyBackup");
        if (keyBackup != null) {
            Path keyPath = Path.of(c.require("keyPath"));
            port.writeFile(keyPath, read(Path.of(keyBackup)));
            port.writeSecurityDescriptor(keyPath, c.require("keySddl"));
        }
        port.addSerializedCertificate(store, read(Path.of(c.require("element"))));
    }

    private static void undoImport(WindowsPort port, Compensation c) throws IOException {
        String store = c.require("store");
        String thumbprint = c.require("thumbprint");
        Optional<FixSupport.Found> found = FixSupport.find(port, store, thumbprint);
        if (found.isEmpty()) {
            return;
        }
        port.deleteCertificate(store, thumbprint);
        WindowsPort.KeyLocation key = found.get().key();
        if (key != null && key.path() != null && port.exists(key.path())) {
            port.deleteFile(key.path());
        }
    }

    private static byte[] read(Path backup) throws IOException {
        if (Files.size(backup) > MAX_BACKUP_BYTES) {
            throw new IOException("backup " + backup + " is larger than " + MAX_BACKUP_BYTES + " bytes; not ours");
        }
        return Files.readAllBytes(backup);
    }

    /** An undo as a function. */
    @FunctionalInterface
    private interface Undo {
        void undo(Compensation compensation) throws IOException;
    }

    /** A handler from an undo and a description. */
    private record Handler(String kind, Undo action, java.util.function.Function<Compensation, String> describer)
            implements CompensationHandler {
        @Override
        public void undo(Compensation compensation) throws IOException {
            action.undo(compensation);
        }

        @Override
        public String describeUndo(Compensation compensation) {
            return describer.apply(compensation);
        }
    }
}
