package io.rdphealth.explain;

/**
 * A code the user gave is not a number, is out of range, or is in none of the published lists.
 * The message names the text given and what was expected; the CLI prints it and exits with the
 * usage code.
 */
public final class InvalidCodeException extends IllegalArgumentException {
    public InvalidCodeException(String message) {
        super(message);
    }
}
