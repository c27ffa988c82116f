package io.rdphealth.probe.net;

import java.net.SocketTimeoutException;

/** The target's overall deadline passed while the peer was still sending (e.g. one byte a second). */
public class DeadlineExceededException extends SocketTimeoutException {
    private static final long serialVersionUID = 1L;

    public DeadlineExceededException(String message) {
        super(message);
    }
}
