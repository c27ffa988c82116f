package io.rdphealth.target;

import java.util.Objects;

/**
 * An RDP endpoint to probe.
 *
 * @param host  host name or IP literal (IPv6 without brackets)
 * @param port  TCP port, 1..65535
 * @param input the text the user wrote, kept so reports name targets the way the user does
 */
public record Target(String host, int port, String input) {
    public static final int DEFAULT_PORT = 3389;

    public Target {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(input, "input");
        if (!isValidPort(port)) {
            throw new InvalidTargetException(input, portOutOfRange(port));
        }
    }

    /** Whether {@code port} is a TCP port a target can have (1..65535). */
    public static boolean isValidPort(int port) {
        return port >= 1 && port <= 65535;
    }

    /** The one wording of a port outside 1..65535, for every caller that checks one. */
    public static String portOutOfRange(int port) {
        return "port " + port + " is outside 1..65535";
    }

    public static Target of(String host, int port) {
        return new Target(host, port, authority(host, port));
    }

    /** Parses {@code host}, {@code host:port}, {@code [v6]:port}, {@code [v6]} or a bare IPv6 literal. */
    public static Target parse(String text, int defaultPort) {
        return TargetParser.parse(text, defaultPort);
    }

    public boolean isIpv6Literal() {
        return host.indexOf(':') >= 0;
    }

    /** {@code host:port}, bracketing IPv6 literals. */
    public String authority() {
        return authority(host, port);
    }

    private static String authority(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return input;
    }
}
