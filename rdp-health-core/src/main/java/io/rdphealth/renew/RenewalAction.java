package io.rdphealth.renew;

/** What a renewal did. */
public enum RenewalAction {
    /** The certificate is fine (or the supplied one is already installed): nothing changed. */
    NOT_NEEDED,
    /** Dry run: the steps were planned, nothing changed. */
    PLANNED,
    /** A new self-signed certificate is in place and was verified from the wire. */
    RENEWED,
    /** The supplied certificate is in place and was verified from the wire. */
    INSTALLED,
    /** A step or the verification failed; the previous state was restored (see {@code rollbackComplete}). */
    ROLLED_BACK,
    /** Refused before any change: bad input, a configuration that must be fixed first, the wrong platform or port. */
    REFUSED
}
