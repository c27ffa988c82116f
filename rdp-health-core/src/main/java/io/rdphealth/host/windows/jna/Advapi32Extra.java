package io.rdphealth.host.windows.jna;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.Winsvc;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.ptr.ShortByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/** advapi32.dll functions jna-platform does not declare (SDDL, named security info, CAPI containers, service config). */
interface Advapi32Extra extends StdCallLibrary {
    Advapi32Extra INSTANCE = Native.load("Advapi32", Advapi32Extra.class, W32APIOptions.UNICODE_OPTIONS);

    int SDDL_REVISION_1 = 1;
    int SE_FILE_OBJECT = 1;
    int OWNER_SECURITY_INFORMATION = 0x1;
    int GROUP_SECURITY_INFORMATION = 0x2;
    int DACL_SECURITY_INFORMATION = 0x4;
    int PROTECTED_DACL_SECURITY_INFORMATION = 0x80000000;
    int UNPROTECTED_DACL_SECURITY_INFORMATION = 0x20000000;
    short SE_DACL_PROTECTED = 0x1000;
    int CRYPT_MACHINE_KEYSET = 0x20;
    int CRYPT_SILENT = 0x40;
    int PP_UNIQUE_CONTAINER = 36;
    int NTE_BAD_KEYSET = 0x80090016;

    int GetNamedSecurityInfo(String objectName, int objectType, int securityInfo, PointerByReference owner,
                             PointerByReference group, PointerByReference dacl, PointerByReference sacl, PointerByReference descriptor);

    int SetNamedSecurityInfo(String objectName, int objectType, int securityInfo, Pointer owner, Pointer group, Pointer dacl, Pointer sacl);

    boolean ConvertSecurityDescriptorToStringSecurityDescriptor(Pointer descriptor, int revision, int securityInfo,
                                                                PointerByReference text, IntByReference length);

    boolean ConvertStringSecurityDescriptorToSecurityDescriptor(String text, int revision, PointerByReference descriptor,
                                                                IntByReference size);

    boolean GetSecurityDescriptorDacl(Pointer descriptor, IntByReference present, PointerByReference dacl, IntByReference defaulted);

    boolean GetSecurityDescriptorControl(Pointer descriptor, ShortByReference control, IntByReference revision);

    boolean CryptAcquireContext(PointerByReference provider, String container, String providerName, int providerType, int flags);

    boolean CryptGetProvParam(Pointer provider, int param, byte[] data, IntByReference length, int flags);

    boolean CryptReleaseContext(Pointer provider, int flags);

    boolean QueryServiceConfig(Winsvc.SC_HANDLE service, Pointer config, int size, IntByReference needed);
}
