package io.rdphealth.host.xrdp;

/**
 * Who listens on xrdp's port.
 *
 * @param checked     whether the listener could be checked at all (TCP listener and procfs readable)
 * @param listening   whether a socket listens on the port
 * @param pid         the process owning it, or -1 when unknown
 * @param processName its {@code comm}, or {@code null}
 * @param address     the bound address, for the report
 * @param detail      what was seen, for evidence
 */
public record ListenerFacts(boolean checked, boolean listening, long pid, String processName, String address,
                            String detail) {
    public boolean isXrdp() {
        return listening && "xrdp".equals(processName);
    }
}
