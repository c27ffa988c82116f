package io.rdphealth.host.windows;

/**
 * The {@code LocalPorts} string of a firewall rule, read the way Windows applies it: {@code *} (or
 * empty) is every port; otherwise a comma-separated list of ports and {@code low-high} ranges.
 * Keywords ({@code RPC}, {@code RPC-EPMap}, {@code IPHTTPS}, {@code Teredo}, ...) name dynamic
 * ports of other services and never the RDP listener; so does anything malformed. Pure.
 */
public final class FirewallPortList {
    /** Rule strings are short; a longer one is not a port list. */
    static final int MAX_CHARS = 8192;

    private FirewallPortList() {
    }

    /** Whether {@code localPorts} includes TCP port {@code port}. */
    public static boolean covers(String localPorts, int port) {
        if (localPorts == null) {
            return true;
        }
        String text = localPorts.strip();
        if (text.isEmpty() || text.equals("*")) {
            return true;
        }
        if (text.length() > MAX_CHARS) {
            return false;
        }
        for (String raw : text.split(",")) {
            String token = raw.strip();
            if (token.equals("*")) {
                return true;
            }
            int dash = token.indexOf('-');
            if (dash < 0) {
                if (number(token) == port) {
                    return true;
                }
            } else {
                int low = number(token.substring(0, dash).strip());
                int high = number(token.substring(dash + 1).strip());
                if (low >= 0 && high >= low && port >= low && port <= high) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A port number 0..65535, or -1 for anything else (keywords such as RPC-EPMap included). */
    private static int number(String token) {
        if (token.isEmpty() || token.length() > 5) {
            return -1;
        }
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return -1;
            }
        }
        int value = Integer.parseInt(token);
        return value <= 65535 ? value : -1;
    }
}
