package io.rdphealth.evidence;

/** How one exchange with the peer ended when it did not end in the expected answer. */
public enum FailureKind {
    /** The name did not resolve. */
    DNS_UNRESOLVED,
    /** TCP connection refused (RST to SYN), or the host/network is unreachable. */
    REFUSED,
    /** No answer to the TCP handshake before the connect timeout. */
    CONNECT_TIMEOUT,
    /** Connected, but the peer sent nothing before the read deadline. */
    SILENT,
    /** The peer closed or reset the connection in the middle of the exchange. */
    DROPPED,
    /** The peer answered with bytes that are not RDP (HTTP, SSH, garbage). */
    NOT_RDP,
    /** The peer answered RDP-like bytes that break the PDU rules (bad length, truncated, huge). */
    MALFORMED,
    /** The peer kept sending, too slowly, until the deadline passed. */
    DEADLINE,
    /** A TLS-level failure: alert received or sent, plaintext where a record was expected. */
    TLS_ERROR
}
