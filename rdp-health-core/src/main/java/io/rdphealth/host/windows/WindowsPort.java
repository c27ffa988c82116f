package io.rdphealth.host.windows;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The narrow boundary between RDP Health and the Windows APIs it needs. Every method is one OS
 * operation with no decisions in it, so the inspection, the rules and the fix sequences are
 * tested against a scripted implementation on any OS, and the native implementation
 * ({@code JnaWindowsPort}) stays thin. Registry access is always HKLM, 64-bit view; certificate
 * stores are always LocalMachine system stores. Failures are {@link WindowsPortException}s
 * naming the operation and the Win32 error.
 */
public interface WindowsPort {

    // --- machine ---------------------------------------------------------------------------

    String computerName();

    /** {@code %ProgramData%}. */
    Path programData();

    // --- registry (HKLM, 64-bit view) ------------------------------------------------------

    Optional<RegistryValue> readRegistry(String key, String name);

    /** Writes a value, creating the key when missing. */
    void writeRegistry(String key, String name, RegistryValue value);

    /** Deletes a value; absent is not an error. */
    void deleteRegistryValue(String key, String name);

    // --- certificate stores (LocalMachine) ------------------------------------------------

    /** The certificates of a system store (empty when the store does not exist). */
    List<StoredCertificate> listCertificates(String store);

    /**
     * A certificate with its properties (key provider info included) as one serialized store
     * element ({@code CertSerializeCertificateStoreElement}), so it can be put back exactly.
     */
    byte[] serializeCertificate(String store, String thumbprint);

    /** Adds a serialized element back ({@code CertAddSerializedElementToStore}, replace existing). */
    void addSerializedCertificate(String store, byte[] element);

    /** Deletes a certificate; absent is not an error. The key container is not touched. */
    void deleteCertificate(String store, String thumbprint);

    /**
     * Imports a PKCS#12 file into a store with a machine key set ({@code PFXImportCertStore} with
     * {@code CRYPT_MACHINE_KEYSET}); returns the thumbprint of the certificate that has the key.
     */
    String importPfx(String store, byte[] pfx, char[] password);

    // --- files and ACLs -----------------------------------------------------------------

    boolean exists(Path path);

    byte[] readFile(Path path) throws IOException;

    void writeFile(Path path, byte[] content) throws IOException;

    void deleteFile(Path path) throws IOException;

    /** The security descriptor (owner, group, DACL) of a file or folder in SDDL. */
    String readSecurityDescriptor(Path path);

    /** Replaces the DACL of a file or folder with the one in {@code sddl}. */
    void writeSecurityDescriptor(Path path, String sddl);

    /** Renames a file or folder on the same volume. */
    void move(Path from, Path to) throws IOException;

    /** Copies a folder tree (files and their bytes; ACLs are recorded separately). */
    void copyTree(Path from, Path to) throws IOException;

    /** Creates a folder with the DACL in {@code sddl}. */
    void createDirectory(Path path, String sddl) throws IOException;

    /** Deletes a folder tree; absent is not an error. */
    void deleteTree(Path path) throws IOException;

    // --- services ------------------------------------------------------------------------

    /** State and start type; NOT_INSTALLED when the service does not exist. */
    ServiceFacts queryService(String name);

    void startService(String name);

    void stopService(String name);

    /** Waits until the service reaches {@code state}; false when the deadline passes first. */
    boolean waitForService(String name, ServiceState state, Duration timeout);

    // --- firewall (HNetCfg.FwPolicy2) ----------------------------------------------------

    /** NET_FW_PROFILE_TYPE2 bits of the current profiles. */
    Set<FirewallProfile> activeFirewallProfiles();

    boolean firewallEnabled(FirewallProfile profile);

    boolean isRuleGroupEnabled(FirewallProfile profile, String group);

    void enableRuleGroup(FirewallProfile profile, String group, boolean enable);

    /**
     * The enabled inbound rules with action Block whose protocol is TCP or any
     * ({@code INetFwPolicy2.Rules}); the strings as Windows reports them.
     */
    List<FirewallBlockRule> inboundTcpBlockRules();

    // --- event log ------------------------------------------------------------------------

    /** Events of a log with one of {@code ids}, newest first, at most {@code max}, not older than {@code since}. */
    List<EventRecord> queryEvents(String log, Set<Integer> ids, Instant since, int max);

    /**
     * A certificate as a store holds it.
     *
     * @param der           the encoded certificate
     * @param key           its key container (from CERT_KEY_PROV_INFO_PROP_ID), or {@code null} when it has none
     */
    record StoredCertificate(byte[] der, KeyLocation key) {
        public StoredCertificate {
            der = der.clone();
        }

        @Override
        public byte[] der() {
            return der.clone();
        }
    }

    /**
     * Where a certificate's private key lives.
     *
     * @param containerName  the CSP container / KSP key name
     * @param uniqueName     the key's file name, or {@code null} when the key set does not exist; for a
     *                       {@link KeyStorage#CNG_PROVIDER_HELD} key the provider's name
     * @param path           the key's file path, or {@code null} when the key set does not exist (always for a
     *                       provider-held key)
     * @param storage        CAPI (MachineKeys), CNG (Crypto\Keys) or held by another CNG provider; never {@code null}
     */
    record KeyLocation(String containerName, String uniqueName, Path path, KeyStorage storage) {
        public KeyLocation {
            java.util.Objects.requireNonNull(storage, "storage");
        }

        /** A CAPI key container (MachineKeys). */
        public KeyLocation(String containerName, String uniqueName, Path path) {
            this(containerName, uniqueName, path, KeyStorage.CAPI_MACHINE_KEYS);
        }
    }
}
