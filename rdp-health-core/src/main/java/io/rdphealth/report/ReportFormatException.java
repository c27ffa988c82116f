package io.rdphealth.report;

/** A JSON report that cannot be read; the message says what is wrong with it. */
public class ReportFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReportFormatException(String message) {
        super("invalid RDP Health report: " + message);
    }
}
