package io.rdphealth.wire;

/**
 * Bytes from the peer that are not the expected PDU. {@link Kind#NOT_RDP} means the bytes are
 * not RDP at all (HTTP, SSH banner, garbage); {@link Kind#MALFORMED} means they start like the PDU
 * but break its rules; {@link Kind#TRUNCATED} means they end early.
 */
public class MalformedPduException extends Exception {
    private static final long serialVersionUID = 1L;

    public enum Kind { NOT_RDP, MALFORMED, TRUNCATED, TOO_LARGE }

    private final Kind kind;

    public MalformedPduException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
