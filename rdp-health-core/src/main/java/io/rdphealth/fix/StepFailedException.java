package io.rdphealth.fix;

/** A step could not be applied or its check failed; the message says what and why, for a person. */
public class StepFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    public StepFailedException(String message) {
        super(message);
    }

    public StepFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
