package io.rdphealth.target;

import java.util.regex.Pattern;

/** Turns the target strings users write into {@link Target}s, rejecting anything ambiguous. */
final class TargetParser {
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?i)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\\.?");
    private static final Pattern IPV6 = Pattern.compile("(?i)[0-9a-f:.]+(%[a-z0-9_.-]+)?");

    private TargetParser() {
    }

    static Target parse(String text, int defaultPort) {
        if (text == null) {
            throw new InvalidTargetException("null", "no target given");
        }
        String input = text.strip();
        if (input.isEmpty()) {
            throw new InvalidTargetException(text, "empty");
        }
        if (input.contains("://")) {
            throw new InvalidTargetException(input, "write host or host:port, not a URL");
        }
        String host;
        int port = defaultPort;
        if (input.startsWith("[")) {
            int close = input.indexOf(']');
            if (close < 0) {
                throw new InvalidTargetException(input, "'[' without ']'");
            }
            host = input.substring(1, close);
            String rest = input.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new InvalidTargetException(input, "unexpected text after ']'");
                }
                port = parsePort(input, rest.substring(1));
            }
            if (host.indexOf(':') < 0 || !IPV6.matcher(host).matches()) {
                throw new InvalidTargetException(input, "brackets must hold an IPv6 address");
            }
        } else {
            int colons = (int) input.chars().filter(c -> c == ':').count();
            if (colons == 0) {
                host = input;
            } else if (colons == 1) {
                int colon = input.indexOf(':');
                host = input.substring(0, colon);
                port = parsePort(input, input.substring(colon + 1));
            } else {
                // More than one colon and no brackets: a bare IPv6 literal, port defaulted.
                if (!IPV6.matcher(input).matches()) {
                    throw new InvalidTargetException(input, "not a host name or IPv6 address (use [v6]:port for a port)");
                }
                host = input;
            }
            if (host.isEmpty()) {
                throw new InvalidTargetException(input, "no host before ':'");
            }
            if (host.indexOf(':') < 0 && !HOST_NAME.matcher(host).matches()) {
                throw new InvalidTargetException(input, "'" + host + "' is not a valid host name or address");
            }
        }
        return new Target(host, port, input); // checks the port's range
    }

    private static int parsePort(String input, String portText) {
        if (portText.isEmpty() || portText.length() > 5 || !portText.chars().allMatch(Character::isDigit)) {
            throw new InvalidTargetException(input, "port '" + portText + "' is not a number in 1..65535");
        }
        return Integer.parseInt(portText); // at most 5 digits; the range is Target's to check
    }
}
