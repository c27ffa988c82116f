package io.rdphealth.target;

/** A target string that cannot be probed; the message names the string and what is wrong. */
public class InvalidTargetException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidTargetException(String input, String problem) {
        super("invalid target '" + input + "': " + problem);
    }
}
