package io.rdphealth.host.windows;

import java.nio.file.Path;

/**
 * Which machine key store holds a certificate's private key, and so in which folder its file is.
 * The two machine key stores are files under {@code %ProgramData%}; RDP Health reads and repairs
 * their ACLs the same way. Keys of other CNG providers have no file.
 */
public enum KeyStorage {
    /**
     * A CryptoAPI (CSP) key container: {@code CRYPT_KEY_PROV_INFO.dwProvType != 0}, file in
     * {@code %ProgramData%\Microsoft\Crypto\RSA\MachineKeys} (TermService's own self-signed key is one).
     */
    CAPI_MACHINE_KEYS,
    /**
     * A CNG key of the Microsoft Software Key Storage Provider: {@code dwProvType == 0} (a PKCS#12
     * imported with a KSP, every ECDSA key), file in {@code %ProgramData%\Microsoft\Crypto\Keys}.
     */
    CNG_MACHINE_KEYS,
    /**
     * A CNG key of another key storage provider (a smart card, the TPM's Microsoft Platform Crypto
     * Provider): the provider holds it, there is no key file whose ACL RDP Health could read or
     * repair. Recorded so the certificate is still inspected; its key access is not judged.
     */
    CNG_PROVIDER_HELD;

    /** The folder of this store's machine key files under a ProgramData folder; none for {@link #CNG_PROVIDER_HELD}. */
    public Path folder(Path programData) {
        Path crypto = programData.resolve("Microsoft").resolve("Crypto");
        return switch (this) {
            case CAPI_MACHINE_KEYS -> crypto.resolve("RSA").resolve("MachineKeys");
            case CNG_MACHINE_KEYS -> crypto.resolve("Keys");
            case CNG_PROVIDER_HELD -> throw new IllegalStateException("a provider-held key has no key folder");
        };
    }

    /** Whether the key is a file RDP Health can judge and repair. */
    public boolean hasKeyFile() {
        return this != CNG_PROVIDER_HELD;
    }
}
