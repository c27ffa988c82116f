package io.rdphealth.host.windows;

import java.nio.file.Path;

/**
 * Which machine key store holds a certificate's private key, and so in which folder its file is.
 * Both are files under {@code %ProgramData%}; RDP Health reads and repairs their ACLs the same way.
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
    CNG_MACHINE_KEYS;

    /** The folder of this store's machine key files under a ProgramData folder. */
    public Path folder(Path programData) {
        Path crypto = programData.resolve("Microsoft").resolve("Crypto");
        return this == CAPI_MACHINE_KEYS ? crypto.resolve("RSA").resolve("MachineKeys") : crypto.resolve("Keys");
    }
}
