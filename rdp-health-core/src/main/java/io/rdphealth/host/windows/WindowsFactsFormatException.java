package io.rdphealth.host.windows;

/** A host-facts snapshot that cannot be read; the message names the bad field. */
public class WindowsFactsFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public WindowsFactsFormatException(String message) {
        super("invalid Windows host facts: " + message);
    }
}
