package io.rdphealth.host.windows.jna;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.platform.win32.WinCrypt;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import com.sun.jna.win32.StdCallLibrary;
import com.sun.jna.win32.W32APIOptions;

/** crypt32.dll functions jna-platform does not declare. Declarations only. */
interface Crypt32Extra extends StdCallLibrary {
    Crypt32Extra INSTANCE = Native.load("Crypt32", Crypt32Extra.class, W32APIOptions.DEFAULT_OPTIONS);

    int CERT_KEY_PROV_INFO_PROP_ID = 2;
    int CERT_STORE_ADD_REPLACE_EXISTING = 3;
    int CERT_STORE_CERTIFICATE_CONTEXT_FLAG = 1 << 1;

    boolean CertGetCertificateContextProperty(Pointer certContext, int propId, Pointer data, IntByReference size);

    boolean CertDeleteCertificateFromStore(Pointer certContext);

    Pointer CertDuplicateCertificateContext(Pointer certContext);

    boolean CertSerializeCertificateStoreElement(Pointer certContext, int flags, byte[] element, IntByReference size);

    boolean CertAddSerializedElementToStore(WinCrypt.HCERTSTORE store, byte[] element, int size, int addDisposition,
                                            int flags, int contextTypeFlags, IntByReference contextType, PointerByReference context);

    boolean CertAddCertificateContextToStore(WinCrypt.HCERTSTORE store, Pointer certContext, int addDisposition, PointerByReference added);
}
