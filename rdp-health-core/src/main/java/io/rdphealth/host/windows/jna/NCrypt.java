package io.rdphealth.host.windows.jna;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/**
 * ncrypt.dll (CNG key storage), which jna-platform 5.17 does not map: just what resolving a
 * certificate's KSP key to its file needs. Every function returns a SECURITY_STATUS (0 =
 * ERROR_SUCCESS), not a BOOL with GetLastError. NCRYPT_PROV_HANDLE and NCRYPT_KEY_HANDLE are
 * ULONG_PTR, so pointer-sized. Declarations only; never called on the Linux build.
 */
interface NCrypt extends StdCallLibrary {
    NCrypt INSTANCE = Native.load("ncrypt", NCrypt.class, W32APIOptions.UNICODE_OPTIONS);

    /** MS_KEY_STORAGE_PROVIDER: the software KSP, whose machine keys are files in %ProgramData%\Microsoft\Crypto\Keys. */
    String MS_KEY_STORAGE_PROVIDER = "Microsoft Software Key Storage Provider";
    /** NCRYPT_UNIQUE_NAME_PROPERTY: for the software KSP, the key's file name. */
    String NCRYPT_UNIQUE_NAME_PROPERTY = "Unique Name";
    int NCRYPT_MACHINE_KEY_FLAG = 0x20;
    int NCRYPT_SILENT_FLAG = 0x40;
    int NTE_BAD_KEYSET = 0x80090016;

    int NCryptOpenStorageProvider(PointerByReference provider, String providerName, int flags);

    int NCryptOpenKey(Pointer provider, PointerByReference key, String keyName, int legacyKeySpec, int flags);

    int NCryptGetProperty(Pointer object, String property, byte[] output, int outputSize, IntByReference result, int flags);

    int NCryptFreeObject(Pointer object);
}
