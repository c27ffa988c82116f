package io.rdphealth.host.windows;

/** A service's start type (QUERY_SERVICE_CONFIG dwStartType), plus UNKNOWN when it could not be read. */
public enum ServiceStartType {
    BOOT,
    SYSTEM,
    AUTOMATIC,
    MANUAL,
    DISABLED,
    UNKNOWN;

    public static ServiceStartType ofWin32(int startType) {
        return startType >= 0 && startType <= 4 ? values()[startType] : UNKNOWN;
    }
}
