package io.rdphealth.explain;

import io.rdphealth.finding.FindingGroup;
import io.rdphealth.finding.FindingId;

/** The RDP Health runs that can settle a candidate cause: each produces the findings of some catalog groups. */
public enum Check {
    WIRE_PROBE("wire probe from a client's network", "rdphealth check HOST"),
    INSPECT_WINDOWS("Windows host inspection", "rdphealth inspect --windows (on the Windows host)"),
    INSPECT_XRDP("xrdp host inspection", "rdphealth inspect --xrdp (on the Linux host)"),
    GATEWAY_PROBE("RD Gateway probe", "rdphealth check --gateway GATEWAY HOST");

    private final String description;
    private final String command;

    Check(String description, String command) {
        this.description = description;
        this.command = command;
    }

    public String description() {
        return description;
    }

    /** How to run it, with placeholders in capitals. */
    public String command() {
        return command;
    }

    /** The check whose run can produce (and so confirm or rule out) a finding with this ID. */
    public static Check settling(FindingId id) {
        return settling(id.group());
    }

    public static Check settling(FindingGroup group) {
        return switch (group) {
            case NETWORK, NEGOTIATION, TLS_CERTIFICATE -> WIRE_PROBE;
            case HOST_WINDOWS -> INSPECT_WINDOWS;
            case HOST_XRDP -> INSPECT_XRDP;
            case GATEWAY -> GATEWAY_PROBE;
        };
    }
}
