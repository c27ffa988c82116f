package io.rdphealth.host.windows.jna;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.COM.IComEnumVariantIterator;
import com.sun.jna.platform.win32.COM.util.ObjectFactory;
import com.sun.jna.platform.win32.Crypt32;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Variant;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.Ole32;
import com.sun.jna.platform.win32.W32Service;
import com.sun.jna.platform.win32.W32ServiceManager;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinCrypt;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.platform.win32.Winsvc;
import com.sun.jna.platform.win32.WTypes;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.ptr.ShortByReference;
import io.rdphealth.host.windows.EventRecord;
import io.rdphealth.host.windows.FirewallBlockRule;
import io.rdphealth.host.windows.FirewallProfile;
import io.rdphealth.host.windows.KeyStorage;
import io.rdphealth.host.windows.RegistryValue;
import io.rdphealth.host.windows.ServiceFacts;
import io.rdphealth.host.windows.ServiceStartType;
import io.rdphealth.host.windows.ServiceState;
import io.rdphealth.host.windows.WindowsPort;
import io.rdphealth.host.windows.WindowsPortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The {@link WindowsPort} over the Windows APIs through jna-platform, plus the few declarations it
 * lacks ({@link Crypt32Extra}, {@link Advapi32Extra}, {@link NCrypt}, {@link FirewallPolicy2}). Thin on purpose:
 * one OS call (or a fixed sequence of them) per method, no decisions. It compiles everywhere but
 * runs only on Windows, as an administrator; it was NOT run as part of the Linux build.
 */
public final class JnaWindowsPort implements WindowsPort {
    private static final int KEY_64 = WinNT.KEY_WOW64_64KEY;
    private static final int MAX_EVENT_RECORDS_SCANNED = 50_000;

    @Override
    public String computerName() {
        return Kernel32Util.getComputerName();
    }

    @Override
    public Path programData() {
        String value = System.getenv("ProgramData");
        return Path.of(value == null || value.isBlank() ? "C:\\ProgramData" : value);
    }

    // --- registry ----------------------------------------------------------------------

    @Override
    public Optional<RegistryValue> readRegistry(String key, String name) {
        try {
            if (!Advapi32Util.registryKeyExists(WinReg.HKEY_LOCAL_MACHINE, key, KEY_64)) {
                return Optional.empty();
            }
            Map<String, Object> values = Advapi32Util.registryGetValues(WinReg.HKEY_LOCAL_MACHINE, key, KEY_64);
            Object value = values.get(name);
            if (value instanceof Integer i) {
                return Optional.of(new RegistryValue.Dword(i));
            } else if (value instanceof String s) {
                return Optional.of(new RegistryValue.Text(s));
            } else if (value instanceof String[] a) {
                return Optional.of(new RegistryValue.MultiText(List.of(a)));
            } else if (value instanceof byte[] b) {
                return Optional.of(new RegistryValue.Binary(b));
            }
            return Optional.empty();
        } catch (Win32Exception e) {
            throw failure("read HKLM\\" + key + "\\" + name, e);
        }
    }

    @Override
    public void writeRegistry(String key, String name, RegistryValue value) {
        try {
            Advapi32Util.registryCreateKey(WinReg.HKEY_LOCAL_MACHINE, key, KEY_64);
            if (value instanceof RegistryValue.Dword d) {
                Advapi32Util.registrySetIntValue(WinReg.HKEY_LOCAL_MACHINE, key, name, d.value(), KEY_64);
            } else if (value instanceof RegistryValue.Text t) {
                Advapi32Util.registrySetStringValue(WinReg.HKEY_LOCAL_MACHINE, key, name, t.value(), KEY_64);
            } else if (value instanceof RegistryValue.MultiText m) {
                Advapi32Util.registrySetStringArray(WinReg.HKEY_LOCAL_MACHINE, key, name, m.values().toArray(String[]::new), KEY_64);
            } else if (value instanceof RegistryValue.Binary b) {
                Advapi32Util.registrySetBinaryValue(WinReg.HKEY_LOCAL_MACHINE, key, name, b.bytes(), KEY_64);
            }
        } catch (Win32Exception e) {
            throw failure("write HKLM\\" + key + "\\" + name, e);
        }
    }

    @Override
    public void deleteRegistryValue(String key, String name) {
        try {
            if (Advapi32Util.registryValueExists(WinReg.HKEY_LOCAL_MACHINE, key, name, KEY_64)) {
                Advapi32Util.registryDeleteValue(WinReg.HKEY_LOCAL_MACHINE, key, name, KEY_64);
            }
        } catch (Win32Exception e) {
            throw failure("delete HKLM\\" + key + "\\" + name, e);
        }
    }

    // --- certificate stores -------------------------------------------------------------

    private static WinCrypt.HCERTSTORE open(String store) {
        WinCrypt.HCERTSTORE handle = Crypt32.INSTANCE.CertOpenStore(
                new WinCrypt.CertStoreProviderName(WinCrypt.CERT_STORE_PROV_SYSTEM_W), 0, null,
                WinCrypt.CERT_SYSTEM_STORE_LOCAL_MACHINE, new WTypes.LPWSTR(store));
        if (handle == null) {
            throw failure("CertOpenStore LocalMachine\\" + store, new Win32Exception(Kernel32.INSTANCE.GetLastError()));
        }
        return handle;
    }

    /** Runs {@code visit} over the store's certificate contexts until it returns non-null. */
    private static <T> T eachCertificate(String store, Function<WinCrypt.CERT_CONTEXT, T> visit) {
        WinCrypt.HCERTSTORE handle = open(store);
        try {
            WinCrypt.CERT_CONTEXT context = null;
            while (true) {
                WinCrypt.CERT_CONTEXT.ByReference next = Crypt32.INSTANCE.CertEnumCertificatesInStore(handle,
                        context == null ? null : context.getPointer());
                if (next == null) {
                    return null;
                }
                context = next;
                T result = visit.apply(next);
                if (result != null) {
                    Crypt32.INSTANCE.CertFreeCertificateContext(next);
                    return result;
                }
            }
        } finally {
            Crypt32.INSTANCE.CertCloseStore(handle, 0);
        }
    }

    private static byte[] der(WinCrypt.CERT_CONTEXT context) {
        return context.pbCertEncoded.getByteArray(0, context.cbCertEncoded);
    }

    private static String sha1(byte[] der) {
        try {
            return java.util.HexFormat.of().withUpperCase().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(der));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<StoredCertificate> listCertificates(String store) {
        List<StoredCertificate> result = new ArrayList<>();
        eachCertificate(store, context -> {
            result.add(new StoredCertificate(der(context), keyLocation(context)));
            return null;
        });
        return result;
    }

    /**
     * CERT_KEY_PROV_INFO_PROP_ID, then the key's file: for a CSP (dwProvType != 0) the CAPI unique
     * container name in MachineKeys; for a KSP (dwProvType == 0) the CNG "Unique Name" in
     * Crypto\Keys. Certificates of LocalMachine stores that a service uses have machine keys, so
     * both are opened as machine keys, silently.
     */
    private KeyLocation keyLocation(WinCrypt.CERT_CONTEXT context) {
        IntByReference size = new IntByReference();
        if (!Crypt32Extra.INSTANCE.CertGetCertificateContextProperty(context.getPointer(), Crypt32Extra.CERT_KEY_PROV_INFO_PROP_ID, null, size)) {
            return null;
        }
        Memory info = new Memory(size.getValue());
        if (!Crypt32Extra.INSTANCE.CertGetCertificateContextProperty(context.getPointer(), Crypt32Extra.CERT_KEY_PROV_INFO_PROP_ID, info, size)) {
            return null;
        }
        // CRYPT_KEY_PROV_INFO: LPWSTR container, LPWSTR provider, DWORD provType, DWORD flags, ...
        String container = info.getPointer(0).getWideString(0);
        Pointer providerPointer = info.getPointer(Native.POINTER_SIZE);
        String provider = providerPointer == null ? null : providerPointer.getWideString(0);
        int providerType = info.getInt(2L * Native.POINTER_SIZE);
        return providerType == 0 ? cngKeyLocation(container, provider) : capiKeyLocation(container, provider, providerType);
    }

    private KeyLocation capiKeyLocation(String container, String provider, int providerType) {
        PointerByReference handle = new PointerByReference();
        if (!Advapi32Extra.INSTANCE.CryptAcquireContext(handle, container, provider, providerType,
                Advapi32Extra.CRYPT_MACHINE_KEYSET | Advapi32Extra.CRYPT_SILENT)) {
            int error = Kernel32.INSTANCE.GetLastError();
            if (error == Advapi32Extra.NTE_BAD_KEYSET) {
                return new KeyLocation(container, null, null, KeyStorage.CAPI_MACHINE_KEYS);
            }
            throw failure("CryptAcquireContext " + container, new Win32Exception(error));
        }
        try {
            byte[] buffer = new byte[512];
            IntByReference length = new IntByReference(buffer.length);
            if (!Advapi32Extra.INSTANCE.CryptGetProvParam(handle.getValue(), Advapi32Extra.PP_UNIQUE_CONTAINER, buffer, length, 0)) {
                throw failure("CryptGetProvParam PP_UNIQUE_CONTAINER " + container, new Win32Exception(Kernel32.INSTANCE.GetLastError()));
            }
            String unique = Native.toString(buffer, "US-ASCII");
            return new KeyLocation(container, unique, KeyStorage.CAPI_MACHINE_KEYS.folder(programData()).resolve(unique),
                    KeyStorage.CAPI_MACHINE_KEYS);
        } finally {
            Advapi32Extra.INSTANCE.CryptReleaseContext(handle.getValue(), 0);
        }
    }

    /** Longest "Unique Name" read: file names are under 260 UTF-16 characters. */
    private static final int MAX_UNIQUE_NAME_BYTES = 1024;

    private KeyLocation cngKeyLocation(String keyName, String provider) {
        if (!NCrypt.MS_KEY_STORAGE_PROVIDER.equalsIgnoreCase(provider)) {
            // Smart-card and TPM providers keep no key file whose ACL NETWORK SERVICE access depends on:
            // record the key as provider-held (the certificate is still inspected, its key access not judged).
            return new KeyLocation(keyName, provider, null, KeyStorage.CNG_PROVIDER_HELD);
        }
        PointerByReference providerHandle = new PointerByReference();
        int status = NCrypt.INSTANCE.NCryptOpenStorageProvider(providerHandle, provider, 0);
        if (status != 0) {
            throw failure("NCryptOpenStorageProvider " + provider, new Win32Exception(status));
        }
        try {
            PointerByReference keyHandle = new PointerByReference();
            status = NCrypt.INSTANCE.NCryptOpenKey(providerHandle.getValue(), keyHandle, keyName, 0,
                    NCrypt.NCRYPT_MACHINE_KEY_FLAG | NCrypt.NCRYPT_SILENT_FLAG);
            if (status == NCrypt.NTE_BAD_KEYSET) {
                return new KeyLocation(keyName, null, null, KeyStorage.CNG_MACHINE_KEYS);
            }
            if (status != 0) {
                throw failure("NCryptOpenKey " + keyName, new Win32Exception(status));
            }
            try {
                byte[] buffer = new byte[MAX_UNIQUE_NAME_BYTES];
                IntByReference length = new IntByReference();
                status = NCrypt.INSTANCE.NCryptGetProperty(keyHandle.getValue(), NCrypt.NCRYPT_UNIQUE_NAME_PROPERTY, buffer,
                        buffer.length, length, NCrypt.NCRYPT_SILENT_FLAG);
                if (status != 0) {
                    throw failure("NCryptGetProperty Unique Name " + keyName, new Win32Exception(status));
                }
                // A NUL-terminated UTF-16LE string of length.getValue() bytes.
                String unique = new String(buffer, 0, Math.min(length.getValue(), buffer.length),
                        java.nio.charset.StandardCharsets.UTF_16LE);
                int end = unique.indexOf('\0');
                unique = end < 0 ? unique : unique.substring(0, end);
                return new KeyLocation(keyName, unique, KeyStorage.CNG_MACHINE_KEYS.folder(programData()).resolve(unique),
                        KeyStorage.CNG_MACHINE_KEYS);
            } finally {
                NCrypt.INSTANCE.NCryptFreeObject(keyHandle.getValue());
            }
        } finally {
            NCrypt.INSTANCE.NCryptFreeObject(providerHandle.getValue());
        }
    }

    @Override
    public byte[] serializeCertificate(String store, String thumbprint) {
        byte[] element = eachCertificate(store, context -> {
            if (!sha1(der(context)).equalsIgnoreCase(thumbprint)) {
                return null;
            }
            IntByReference size = new IntByReference();
            Crypt32Extra.INSTANCE.CertSerializeCertificateStoreElement(context.getPointer(), 0, null, size);
            byte[] bytes = new byte[size.getValue()];
            if (!Crypt32Extra.INSTANCE.CertSerializeCertificateStoreElement(context.getPointer(), 0, bytes, size)) {
                throw failure("CertSerializeCertificateStoreElement " + thumbprint, new Win32Exception(Kernel32.INSTANCE.GetLastError()));
            }
            return bytes;
        });
        if (element == null) {
            throw new WindowsPortException("certificate " + thumbprint + " is not in LocalMachine\\" + store);
        }
        return element;
    }

    @Override
    public void addSerializedCertificate(String store, byte[] element) {
        WinCrypt.HCERTSTORE handle = open(store);
        try {
            if (!Crypt32Extra.INSTANCE.CertAddSerializedElementToStore(handle, element, element.length,
                    Crypt32Extra.CERT_STORE_ADD_REPLACE_EXISTING, 0, Crypt32Extra.CERT_STORE_CERTIFICATE_CONTEXT_FLAG, null, null)) {
                throw failure("CertAddSerializedElementToStore LocalMachine\\" + store, new Win32Exception(Kernel32.INSTANCE.GetLastError()));
            }
        } finally {
            Crypt32.INSTANCE.CertCloseStore(handle, 0);
        }
    }

    @Override
    public void deleteCertificate(String store, String thumbprint) {
        eachCertificate(store, context -> {
            if (!sha1(der(context)).equalsIgnoreCase(thumbprint)) {
                return null;
            }
            // CertDeleteCertificateFromStore frees the context it is given: pass a duplicate.
            if (!Crypt32Extra.INSTANCE.CertDeleteCertificateFromStore(Crypt32Extra.INSTANCE.CertDuplicateCertificateContext(context.getPointer()))) {
                throw failure("CertDeleteCertificateFromStore " + thumbprint, new Win32Exception(Kernel32.INSTANCE.GetLastError()));
            }
            return Boolean.TRUE;
        });
    }

    @Override
    public String importPfx(String store, byte[] pfx, char[] password) {
        Memory data = new Memory(pfx.length);
        data.write(0, pfx, 0, pfx.length);
        WinCrypt.DATA_BLOB blob = new WinCrypt.DATA_BLOB();
        blob.cbData = pfx.length;
        blob.pbData = data;
        WinCrypt.HCERTSTORE temporary = Crypt32.INSTANCE.PFXImportCertStore(blob, new WTypes.LPWSTR(new String(password)),
                WinCrypt.CRYPT_MACHINE_KEYSET);
        if (temporary == null) {
            throw failure("PFXImportCertStore", new Win32Exception(Kernel32.INSTANCE.GetLastError()));
        }
        WinCrypt.HCERTSTORE target = open(store);
        try {
            WinCrypt.CERT_CONTEXT context = null;
            while (true) {
                WinCrypt.CERT_CONTEXT.ByReference next = Crypt32.INSTANCE.CertEnumCertificatesInStore(temporary,
                        context == null ? null : context.getPointer());
                if (next == null) {
                    throw new WindowsPortException("the PKCS#12 file holds no certificate with a private key");
                }
                context = next;
                IntByReference size = new IntByReference();
                if (Crypt32Extra.INSTANCE.CertGetCertificateContextProperty(next.getPointer(), Crypt32Extra.CERT_KEY_PROV_INFO_PROP_ID, null, size)) {
                    if (!Crypt32Extra.INSTANCE.CertAddCertificateContextToStore(target, next.getPointer(),
                            Crypt32Extra.CERT_STORE_ADD_REPLACE_EXISTING, null)) {
                        throw failure("CertAddCertificateContextToStore LocalMachine\\" + store, new Win32Exception(Kernel32.INSTANCE.GetLastError()));
                    }
                    String thumbprint = sha1(der(next));
                    Crypt32.INSTANCE.CertFreeCertificateContext(next);
                    return thumbprint;
                }
            }
        } finally {
            Crypt32.INSTANCE.CertCloseStore(target, 0);
            Crypt32.INSTANCE.CertCloseStore(temporary, 0);
        }
    }

    // --- files and ACLs ---------------------------------------------------------------------

    @Override
    public boolean exists(Path path) {
        return Files.exists(path);
    }

    @Override
    public byte[] readFile(Path path) throws IOException {
        return Files.readAllBytes(path);
    }

    @Override
    public void writeFile(Path path, byte[] content) throws IOException {
        Files.write(path, content);
    }

    @Override
    public void deleteFile(Path path) throws IOException {
        Files.deleteIfExists(path);
    }

    @Override
    public String readSecurityDescriptor(Path path) {
        PointerByReference descriptor = new PointerByReference();
        int info = Advapi32Extra.OWNER_SECURITY_INFORMATION | Advapi32Extra.GROUP_SECURITY_INFORMATION | Advapi32Extra.DACL_SECURITY_INFORMATION;
        int error = Advapi32Extra.INSTANCE.GetNamedSecurityInfo(path.toString(), Advapi32Extra.SE_FILE_OBJECT, info,
                null, null, null, null, descriptor);
        if (error != 0) {
            throw failure("GetNamedSecurityInfo " + path, new Win32Exception(error));
        }
        try {
            PointerByReference text = new PointerByReference();
            if (!Advapi32Extra.INSTANCE.ConvertSecurityDescriptorToStringSecurityDescriptor(descriptor.getValue(),
                    Advapi32Extra.SDDL_REVISION_1, info, text, null)) {
                throw failure("ConvertSecurityDescriptorToStringSecurityDescriptor " + path, new Win32Exception(Kernel32.INSTANCE.GetLastError()));
            }
            try {
                return text.getValue().getWideString(0);
            } finally {
                Kernel32.INSTANCE.LocalFree(text.getValue());
            }
        } finally {
            Kernel32.INSTANCE.LocalFree(descriptor.getValue());
        }
    }

    @Override
    public void writeSecurityDescriptor(Path path, String sddl) {
        PointerByReference descriptor = new PointerByReference();
        if (!Advapi32Extra.INSTANCE.ConvertStringSecurityDescriptorToSecurityDescriptor(sddl, Advapi32Extra.SDDL_REVISION_1, descriptor, null)) {
            throw failure("ConvertStringSecurityDescriptorToSecurityDescriptor '" + sddl + "'", new Win32Exception(Kernel32.INSTANCE.GetLastError()));
        }
        try {
            IntByReference present = new IntByReference();
            IntByReference defaulted = new IntByReference();
            PointerByReference dacl = new PointerByReference();
            ShortByReference control = new ShortByReference();
            IntByReference revision = new IntByReference();
            if (!Advapi32Extra.INSTANCE.GetSecurityDescriptorDacl(descriptor.getValue(), present, dacl, defaulted)
                    || !Advapi32Extra.INSTANCE.GetSecurityDescriptorControl(descriptor.getValue(), control, revision)) {
                throw failure("GetSecurityDescriptorDacl '" + sddl + "'", new Win32Exception(Kernel32.INSTANCE.GetLastError()));
            }
            int info = Advapi32Extra.DACL_SECURITY_INFORMATION | ((control.getValue() & Advapi32Extra.SE_DACL_PROTECTED) != 0
                    ? Advapi32Extra.PROTECTED_DACL_SECURITY_INFORMATION : Advapi32Extra.UNPROTECTED_DACL_SECURITY_INFORMATION);
            int error = Advapi32Extra.INSTANCE.SetNamedSecurityInfo(path.toString(), Advapi32Extra.SE_FILE_OBJECT, info,
                    null, null, dacl.getValue(), null);
            if (error != 0) {
                throw failure("SetNamedSecurityInfo " + path, new Win32Exception(error));
            }
        } finally {
            Kernel32.INSTANCE.LocalFree(descriptor.getValue());
        }
    }

    @Override
    public void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    @Override
    public void createDirectory(Path path, String sddl) throws IOException {
        Files.createDirectories(path);
        if (sddl != null) {
            writeSecurityDescriptor(path, sddl);
        }
    }

    @Override
    public void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    // --- services -------------------------------------------------------------------------

    private static final int SERVICE_ACCESS = Winsvc.SERVICE_QUERY_STATUS | Winsvc.SERVICE_QUERY_CONFIG
            | Winsvc.SERVICE_START | Winsvc.SERVICE_STOP;

    @Override
    public ServiceFacts queryService(String name) {
        try (W32ServiceManager manager = new W32ServiceManager()) {
            manager.open(Winsvc.SC_MANAGER_CONNECT);
            try (W32Service service = manager.openService(name, Winsvc.SERVICE_QUERY_STATUS | Winsvc.SERVICE_QUERY_CONFIG)) {
                ServiceState state = ServiceState.ofWin32(service.queryStatus().dwCurrentState);
                return new ServiceFacts(name, state, startType(service));
            }
        } catch (Win32Exception e) {
            if (e.getErrorCode() == 1060) { // ERROR_SERVICE_DOES_NOT_EXIST
                return new ServiceFacts(name, ServiceState.NOT_INSTALLED, ServiceStartType.UNKNOWN);
            }
            throw failure("query service " + name, e);
        }
    }

    private static ServiceStartType startType(W32Service service) {
        IntByReference needed = new IntByReference();
        Advapi32Extra.INSTANCE.QueryServiceConfig(service.getHandle(), null, 0, needed);
        if (needed.getValue() <= 0) {
            return ServiceStartType.UNKNOWN;
        }
        Memory config = new Memory(needed.getValue());
        if (!Advapi32Extra.INSTANCE.QueryServiceConfig(service.getHandle(), config, needed.getValue(), needed)) {
            return ServiceStartType.UNKNOWN;
        }
        return ServiceStartType.ofWin32(config.getInt(4)); // QUERY_SERVICE_CONFIG: dwServiceType, dwStartType, ...
    }

    @Override
    public void startService(String name) {
        try (W32ServiceManager manager = new W32ServiceManager()) {
            manager.open(Winsvc.SC_MANAGER_CONNECT);
            try (W32Service service = manager.openService(name, SERVICE_ACCESS)) {
                service.startService();
            }
        } catch (Win32Exception | IllegalStateException e) {
            throw failure("start service " + name, e);
        }
    }

    @Override
    public void stopService(String name) {
        try (W32ServiceManager manager = new W32ServiceManager()) {
            manager.open(Winsvc.SC_MANAGER_CONNECT);
            try (W32Service service = manager.openService(name, SERVICE_ACCESS)) {
                service.stopService(30_000);
            }
        } catch (Win32Exception | IllegalStateException e) {
            throw failure("stop service " + name, e);
        }
    }

    @Override
    public boolean waitForService(String name, ServiceState state, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (queryService(name).state() == state) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    // --- firewall ------------------------------------------------------------------------

    private <T> T firewall(Function<FirewallPolicy2, T> call) {
        return firewall((policy, factory) -> call.apply(policy));
    }

    private <T> T firewall(BiFunction<FirewallPolicy2, ObjectFactory, T> call) {
        Ole32.INSTANCE.CoInitializeEx(Pointer.NULL, Ole32.COINIT_MULTITHREADED);
        ObjectFactory factory = new ObjectFactory();
        try {
            return call.apply(factory.createObject(FirewallPolicy2.class), factory);
        } catch (RuntimeException e) {
            throw failure("HNetCfg.FwPolicy2", e);
        } finally {
            factory.disposeAll();
            Ole32.INSTANCE.CoUninitialize();
        }
    }

    @Override
    public Set<FirewallProfile> activeFirewallProfiles() {
        return firewall(p -> FirewallProfile.ofMask(p.getCurrentProfileTypes()));
    }

    @Override
    public boolean firewallEnabled(FirewallProfile profile) {
        return firewall(p -> p.getFirewallEnabled(profile.bit()));
    }

    @Override
    public boolean isRuleGroupEnabled(FirewallProfile profile, String group) {
        return firewall(p -> p.isRuleGroupEnabled(profile.bit(), group));
    }

    @Override
    public void enableRuleGroup(FirewallProfile profile, String group, boolean enable) {
        firewall(p -> {
            p.enableRuleGroup(profile.bit(), group, enable);
            return null;
        });
    }

    /** Hosts have hundreds of rules; past this many the enumeration stops with an error instead of running on. */
    private static final int MAX_FIREWALL_RULES = 50_000;
    /** Block rules kept for the snapshot. */
    private static final int MAX_BLOCK_RULES = 1_000;

    @Override
    public List<FirewallBlockRule> inboundTcpBlockRules() {
        return firewall((policy, factory) -> {
            List<FirewallBlockRule> rules = new ArrayList<>();
            int seen = 0;
            try (IComEnumVariantIterator all = IComEnumVariantIterator.wrap(policy.getRules())) {
                for (Variant.VARIANT item : all) {
                    if (++seen > MAX_FIREWALL_RULES) {
                        throw new IllegalStateException("more than " + MAX_FIREWALL_RULES + " firewall rules");
                    }
                    if (!(item.getValue() instanceof com.sun.jna.platform.win32.COM.IDispatch raw)) {
                        continue;
                    }
                    FirewallRuleCom rule = factory.createProxy(FirewallRuleCom.class, raw);
                    Integer protocol = rule.getProtocol();
                    if (!Boolean.TRUE.equals(rule.getEnabled())
                            || !Integer.valueOf(FirewallRuleCom.DIRECTION_IN).equals(rule.getDirection())
                            || !Integer.valueOf(FirewallRuleCom.ACTION_BLOCK).equals(rule.getAction())
                            || protocol == null
                            || (protocol != FirewallRuleCom.PROTOCOL_TCP && protocol != FirewallRuleCom.PROTOCOL_ANY)) {
                        continue;
                    }
                    if (rules.size() == MAX_BLOCK_RULES) {
                        throw new IllegalStateException("more than " + MAX_BLOCK_RULES + " inbound TCP block rules");
                    }
                    rules.add(new FirewallBlockRule(rule.getName(), FirewallProfile.ofMask(rule.getProfiles() == null ? 0 : rule.getProfiles()),
                            rule.getLocalPorts(), rule.getRemoteAddresses(), rule.getApplicationName(), rule.getServiceName()));
                }
            }
            return rules;
        });
    }

    // --- event log ------------------------------------------------------------------------

    @Override
    public List<EventRecord> queryEvents(String log, Set<Integer> ids, Instant since, int max) {
        List<EventRecord> result = new ArrayList<>();
        Advapi32Util.EventLogIterator iterator = new Advapi32Util.EventLogIterator(null, log, WinNT.EVENTLOG_BACKWARDS_READ);
        try {
            int scanned = 0;
            while (iterator.hasNext() && result.size() < max && scanned++ < MAX_EVENT_RECORDS_SCANNED) {
                Advapi32Util.EventLogRecord record = iterator.next();
                Instant time = Instant.ofEpochSecond(record.getRecord().TimeGenerated.longValue());
                if (time.isBefore(since)) {
                    break;
                }
                int id = record.getStatusCode();
                if (ids.contains(id)) {
                    String[] strings = record.getStrings();
                    result.add(new EventRecord(log, record.getSource(), id, time,
                            strings == null ? "" : String.join(" | ", strings)));
                }
            }
        } catch (Win32Exception e) {
            throw failure("read event log " + log, e);
        } finally {
            iterator.close();
        }
        return result;
    }

    private static WindowsPortException failure(String operation, RuntimeException e) {
        return new WindowsPortException(operation + ": " + e.getMessage(), e);
    }
}
