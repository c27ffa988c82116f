package io.rdphealth.host.xrdp;

import java.util.ArrayList;
import java.util.List;

/** Listening sockets from {@code /proc/net/tcp} and {@code /proc/net/tcp6} text (pure parsing). */
public final class ProcNetTcp {
    private static final String LISTEN = "0A";

    /**
     * A listening socket.
     *
     * @param address local address in hex, as the kernel writes it (byte order of the host)
     * @param port    local port
     * @param inode   socket inode (matches {@code socket:[inode]} links under {@code /proc/PID/fd})
     */
    public record Listener(String address, int port, long inode) {
        /** Whether it is bound to a loopback or wildcard address (IPv4 or IPv6), for the report. */
        public String describeAddress() {
            return switch (address) {
                case "00000000", "00000000000000000000000000000000" -> "all addresses";
                case "0100007F" -> "127.0.0.1";
                case "00000000000000000000000001000000" -> "::1";
                default -> "0x" + address;
            };
        }
    }

    private ProcNetTcp() {
    }

    public static List<Listener> listeners(String text) {
        List<Listener> listeners = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            if (f.length < 10 || !LISTEN.equals(f[3])) {
                continue;
            }
            int colon = f[1].indexOf(':');
            if (colon < 0) {
                continue;
            }
            try {
                int port = Integer.parseInt(f[1].substring(colon + 1), 16);
                long inode = Long.parseLong(f[9]);
                listeners.add(new Listener(f[1].substring(0, colon), port, inode));
            } catch (NumberFormatException e) {
                // Not a socket line.
            }
        }
        return listeners;
    }
}
