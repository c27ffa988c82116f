package io.rdphealth.cert;

/** PEM text (or a PKCS#12 file) that does not hold what it should; the message says what is wrong. */
public class PemFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public PemFormatException(String message) {
        super(message);
    }

    public PemFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
