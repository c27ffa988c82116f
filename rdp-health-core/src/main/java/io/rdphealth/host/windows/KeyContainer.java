package io.rdphealth.host.windows;

/**
 * A private key file of a machine certificate.
 *
 * @param containerName  the CSP container or KSP key name (e.g. TSSecKeySet1)
 * @param uniqueName     the file name in the key store's folder ({@code <md5>_<MachineGuid>} for CAPI); for a
 *                       {@link KeyStorage#CNG_PROVIDER_HELD} key the provider's name
 * @param path           full path of the key file; {@code null} for a provider-held key
 * @param exists         whether the file exists ("keyset does not exist" when not); true for a provider-held
 *                       key (its provider holds it; nothing here says otherwise)
 * @param sddl           the file's security descriptor in SDDL, or {@code null} when it does not exist or cannot be read
 * @param storage        which key store holds it; {@code null} (snapshots recorded before CNG keys were read) means
 *                       {@link KeyStorage#CAPI_MACHINE_KEYS}
 */
public record KeyContainer(String containerName, String uniqueName, String path, boolean exists, String sddl, KeyStorage storage) {
    public KeyContainer {
        storage = storage == null ? KeyStorage.CAPI_MACHINE_KEYS : storage;
    }

    /** A CAPI key container (MachineKeys). */
    public KeyContainer(String containerName, String uniqueName, String path, boolean exists, String sddl) {
        this(containerName, uniqueName, path, exists, sddl, KeyStorage.CAPI_MACHINE_KEYS);
    }

    /** The same key record saying the file is gone. */
    public KeyContainer missing() {
        return new KeyContainer(containerName, uniqueName, path, false, null, storage);
    }
}
