package io.rdphealth.explain;

/** The published lists a disconnect code can come from; the same number means different things in each. */
public enum CodeList {
    /** {@code IMsTscAxEvents::OnDisconnected} discReason: what the client reports first (e.g. 0x904). */
    DISCONNECT_REASON("IMsTscAxEvents::OnDisconnected discReason"),
    /** {@code ExtendedDisconnectReasonCode}: the client's extended reason (e.g. 0x7). */
    EXTENDED_REASON("ExtendedDisconnectReasonCode"),
    /** MS-RDPBCGR 2.2.5.1.1 errorInfo of the server's Set Error Info PDU (ERRINFO_*). */
    ERROR_INFO("MS-RDPBCGR Set Error Info PDU errorInfo");

    private final String source;

    CodeList(String source) {
        this.source = source;
    }

    /** Where the list is published, as a reader would search for it. */
    public String source() {
        return source;
    }
}
