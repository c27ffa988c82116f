package io.rdphealth.host.windows;

/** A Windows operation failed; the message names the operation, its object and the Win32 error. */
public class WindowsPortException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WindowsPortException(String message) {
        super(message);
    }

    public WindowsPortException(String message, Throwable cause) {
        super(message, cause);
    }
}
