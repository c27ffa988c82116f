package io.rdphealth.probe.net;

import java.io.EOFException;

/** The peer closed the connection before a complete PDU arrived. */
public class PeerClosedException extends EOFException {
    private static final long serialVersionUID = 1L;

    private final int got;

    public PeerClosedException(int got, int wanted) {
        super("peer closed the connection after " + got + " of " + wanted + " bytes");
        this.got = got;
    }

    public int got() {
        return got;
    }
}
