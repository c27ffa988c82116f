package io.rdphealth.host.windows.fixes;

/** A fix cannot start (a precondition fails, a confirmation is missing); nothing was changed. */
public class FixRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public FixRefusedException(String message) {
        super(message);
    }
}
