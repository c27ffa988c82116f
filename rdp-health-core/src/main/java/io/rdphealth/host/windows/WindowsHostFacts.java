package io.rdphealth.host.windows;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything read from one Windows host that explains an RDP 0x904/0x7 failure, as one
 * serialisable snapshot: recorded on the host ({@code rdphealth inspect --windows --save}),
 * diagnosed anywhere ({@code rdphealth diagnose --facts}).
 *
 * @param schemaVersion  version of the snapshot format ({@link #SCHEMA_VERSION}); readers reject newer ones
 * @param collectedAt    when the snapshot was taken (certificate validity is judged against it unless told otherwise)
 * @param computerName   the host's NetBIOS name, used as the findings' target
 * @param machineGuid    {@code HKLM\SOFTWARE\Microsoft\Cryptography\MachineGuid} (64-bit view): suffix of key container file names
 * @param listener       Terminal Server and RDP-Tcp registry settings
 * @param certificates   certificates of the "Remote Desktop" store and the pinned one from LocalMachine\My
 * @param machineKeys    the MachineKeys folder and its ACL
 * @param services       TermService, UmRdpService, SessionEnv (and helpers), in that order
 * @param firewall       the Remote Desktop rule group per profile
 * @param schannel       SCHANNEL server settings for TLS 1.0 to 1.3
 * @param cryptoPolicy   cipher-suite order policy, CredSSP oracle policy, FIPS policy
 * @param events         the last relevant events, newest first
 * @param inspectionErrors what could not be read, one line per section (the rest of the snapshot is still valid)
 * @param cngKeys        the CNG machine key folder ({@code %ProgramData%\Microsoft\Crypto\Keys}) and its ACL, as
 *                       evidence only (no rule judges it: its default ACL is not documented); {@code null} when the
 *                       folder does not exist or the snapshot predates it
 */
public record WindowsHostFacts(
        int schemaVersion,
        Instant collectedAt,
        String computerName,
        String machineGuid,
        ListenerSettings listener,
        List<StoreCertificate> certificates,
        FolderAcl machineKeys,
        List<ServiceFacts> services,
        FirewallFacts firewall,
        List<SchannelProtocol> schannel,
        CryptoPolicy cryptoPolicy,
        List<EventRecord> events,
        List<String> inspectionErrors,
        FolderAcl cngKeys) {

    public static final int SCHEMA_VERSION = 1;

    /** A snapshot without the CNG key folder (the form recorded before CNG keys were read). */
    public WindowsHostFacts(int schemaVersion, Instant collectedAt, String computerName, String machineGuid,
                            ListenerSettings listener, List<StoreCertificate> certificates, FolderAcl machineKeys,
                            List<ServiceFacts> services, FirewallFacts firewall, List<SchannelProtocol> schannel,
                            CryptoPolicy cryptoPolicy, List<EventRecord> events, List<String> inspectionErrors) {
        this(schemaVersion, collectedAt, computerName, machineGuid, listener, certificates, machineKeys, services, firewall,
                schannel, cryptoPolicy, events, inspectionErrors, null);
    }

    public WindowsHostFacts {
        Objects.requireNonNull(collectedAt, "collectedAt");
        Objects.requireNonNull(computerName, "computerName");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(firewall, "firewall");
        Objects.requireNonNull(cryptoPolicy, "cryptoPolicy");
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        services = services == null ? List.of() : List.copyOf(services);
        schannel = schannel == null ? List.of() : List.copyOf(schannel);
        events = events == null ? List.of() : List.copyOf(events);
        inspectionErrors = inspectionErrors == null ? List.of() : List.copyOf(inspectionErrors);
    }

    /** The service with this name, or {@code null} when the snapshot does not list it. */
    public ServiceFacts service(String name) {
        return services.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst().orElse(null);
    }

    /** The SCHANNEL setting of one protocol, or {@code null} when not recorded. */
    public SchannelProtocol schannel(io.rdphealth.evidence.TlsVersion version) {
        return schannel.stream().filter(s -> s.version() == version).findFirst().orElse(null);
    }

    /** Certificates of one store (case-insensitive store name). */
    public List<StoreCertificate> certificatesIn(String store) {
        return certificates.stream().filter(c -> c.store().equalsIgnoreCase(store)).toList();
    }
}
