package io.rdphealth.host.windows;

/** A Windows service's current state (SERVICE_STATUS dwCurrentState), plus "not installed". */
public enum ServiceState {
    STOPPED,
    START_PENDING,
    STOP_PENDING,
    RUNNING,
    CONTINUE_PENDING,
    PAUSE_PENDING,
    PAUSED,
    NOT_INSTALLED;

    /** Maps SERVICE_STATUS.dwCurrentState (1..7). */
    public static ServiceState ofWin32(int state) {
        if (state < 1 || state > 7) {
            throw new IllegalArgumentException("unknown service state " + state);
        }
        return values()[state - 1];
    }
}
