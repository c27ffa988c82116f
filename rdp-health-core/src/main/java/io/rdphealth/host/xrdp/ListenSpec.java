package io.rdphealth.host.xrdp;

import io.rdphealth.target.Target;
import java.util.Locale;

/**
 * Where xrdp listens, from xrdp.ini {@code port}: a bare number (all addresses),
 * {@code tcp://ADDR:PORT} ({@code .} = loopback, empty = all), {@code tcp6://...},
 * {@code vsock://CID:PORT} or {@code unix://PATH}.
 *
 * @param raw     the value as written
 * @param kind    transport
 * @param address the bind address as xrdp reads it ({@code ""} = all addresses, {@code "."} = loopback)
 * @param port    TCP/vsock port; 0 for unix sockets
 */
public record ListenSpec(String raw, Kind kind, String address, int port) {
    public enum Kind { TCP, TCP6, VSOCK, UNIX }

    /** Parses the value; {@code null} with no exception means the caller names the line. */
    static ListenSpec parse(String value) throws IllegalArgumentException {
        String raw = value.strip();
        // xrdp 0.10 accepts several listeners separated by spaces; the first is the one inspected.
        String first = raw.split("\\s+")[0];
        String lower = first.toLowerCase(Locale.ROOT);
        if (lower.startsWith("unix://")) {
            String path = first.substring("unix://".length());
            if (path.isEmpty()) {
                throw new IllegalArgumentException("unix:// needs a socket path");
            }
            return new ListenSpec(raw, Kind.UNIX, path, 0);
        }
        Kind kind;
        String rest;
        if (lower.startsWith("tcp://")) {
            kind = Kind.TCP;
            rest = first.substring(6);
        } else if (lower.startsWith("tcp6://")) {
            kind = Kind.TCP6;
            rest = first.substring(7);
        } else if (lower.startsWith("vsock://")) {
            kind = Kind.VSOCK;
            rest = first.substring(8);
        } else if (first.contains("://")) {
            throw new IllegalArgumentException("unknown transport in '" + first + "' (tcp://, tcp6://, vsock://, unix://)");
        } else {
            return new ListenSpec(raw, Kind.TCP, "", port(first));
        }
        int colon = rest.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("'" + first + "' has no ':PORT'");
        }
        String address = rest.substring(0, colon);
        if (address.startsWith("{") && address.endsWith("}")) {
            address = address.substring(1, address.length() - 1);
        }
        return new ListenSpec(raw, kind, address, port(rest.substring(colon + 1)));
    }

    private static int port(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("port '" + text + "' is not a number in 1..65535");
        }
        int port = Integer.parseInt(text);
        if (!Target.isValidPort(port)) {
            throw new IllegalArgumentException(Target.portOutOfRange(port));
        }
        return port;
    }

    /** Whether a TLS client on this host can reach the listener (TCP only). */
    public boolean isTcp() {
        return kind == Kind.TCP || kind == Kind.TCP6;
    }

    /** The address a client on this host connects to: loopback for "all" and ".", else the bind address. */
    public String localClientHost() {
        if (kind == Kind.TCP6) {
            return address.isEmpty() || ".".equals(address) || "::".equals(address) ? "::1" : address;
        }
        return address.isEmpty() || ".".equals(address) || "0.0.0.0".equals(address) ? "127.0.0.1" : address;
    }
}
