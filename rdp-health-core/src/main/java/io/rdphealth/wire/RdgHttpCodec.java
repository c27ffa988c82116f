package io.rdphealth.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The RD Gateway HTTP transport handshake (MS-TSGU 2.2.5.1, 3.3.5.1): the request that opens the
 * OUT channel, with or without a websocket upgrade, and a bounded parser of the response head.
 * Pure functions: the probe reads bytes until {@link #endOfHead} finds the blank line, then parses.
 */
public final class RdgHttpCodec {
    public static final String OUT_CHANNEL_METHOD = "RDG_OUT_DATA";
    public static final String PATH = "/remoteDesktopGateway/";
    /** A gateway's 401 head is a few hundred bytes (an NTLM challenge adds about 300). */
    public static final int MAX_HEAD_BYTES = 16 * 1024;
    public static final int MAX_HEADERS = 64;

    private RdgHttpCodec() {
    }

    /**
     * The OUT channel request. {@code connectionId} is the GUID in braces; {@code authorization} is
     * a whole {@code Authorization} header value or {@code null}; {@code websocketKey} non-null asks
     * for the websocket variant (the key is base64 of 16 random bytes).
     */
    public static byte[] outChannelRequest(String hostHeader, String connectionId, String authorization, String websocketKey) {
        requireHeaderSafe(hostHeader, "host");
        requireHeaderSafe(connectionId, "connection id");
        StringBuilder out = new StringBuilder();
        out.append(OUT_CHANNEL_METHOD).append(' ').append(PATH).append(" HTTP/1.1\r\n");
        out.append("Host: ").append(hostHeader).append("\r\n");
        out.append("Accept: */*\r\n");
        out.append("Cache-Control: no-cache\r\n");
        out.append("Pragma: no-cache\r\n");
        out.append("User-Agent: MS-RDGateway/1.0\r\n");
        out.append("RDG-Connection-Id: ").append(connectionId).append("\r\n");
        if (websocketKey != null) {
            requireHeaderSafe(websocketKey, "websocket key");
            out.append("Connection: Upgrade\r\n");
            out.append("Upgrade: websocket\r\n");
            out.append("Sec-WebSocket-Version: 13\r\n");
            out.append("Sec-WebSocket-Key: ").append(websocketKey).append("\r\n");
        } else {
            out.append("Connection: Keep-Alive\r\n");
        }
        if (authorization != null) {
            requireHeaderSafe(authorization, "authorization");
            out.append("Authorization: ").append(authorization).append("\r\n");
        }
        out.append("Content-Length: 0\r\n\r\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void requireHeaderSafe(String value, String what) {
        if (value == null || value.isEmpty() || value.chars().anyMatch(c -> c < 0x20 || c > 0x7E)) {
            throw new IllegalArgumentException(what + " must be non-empty printable ASCII (no CR/LF)");
        }
    }

    /**
     * The offset just past the blank line that ends the head in {@code buffer[0..length)}, or -1
     * when it has not arrived yet. Throws once {@link #MAX_HEAD_BYTES} pass without one.
     */
    public static int endOfHead(byte[] buffer, int length) throws MalformedPduException {
        for (int i = 3; i < length; i++) {
            if (buffer[i] == '\n' && buffer[i - 1] == '\r' && buffer[i - 2] == '\n' && buffer[i - 3] == '\r') {
                return i + 1;
            }
        }
        if (length >= MAX_HEAD_BYTES) {
            throw new MalformedPduException(MalformedPduException.Kind.TOO_LARGE,
                    "no end of HTTP head within " + MAX_HEAD_BYTES + " bytes");
        }
        return -1;
    }

    /** Parses a response head (status line, headers, blank line). */
    public static RdgHttpResponse parseHead(byte[] bytes, int length) throws MalformedPduException {
        int end = endOfHead(bytes, Math.min(length, bytes.length));
        if (end < 0) {
            throw new MalformedPduException(MalformedPduException.Kind.TRUNCATED,
                    "HTTP head of " + length + " bytes ends before the blank line");
        }
        String head = new String(bytes, 0, end - 4, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n", -1);
        String statusLine = lines[0];
        if (!statusLine.startsWith("HTTP/")) {
            throw new MalformedPduException(MalformedPduException.Kind.NOT_RDP,
                    "not an HTTP response: '" + Bytes.printable(bytes, end, 40) + "'");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].matches("HTTP/1\\.[01]") || !parts[1].matches("[1-5][0-9][0-9]")) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                    "bad HTTP status line '" + Bytes.printable(statusLine.getBytes(StandardCharsets.ISO_8859_1), statusLine.length(), 80) + "'");
        }
        List<RdgHttpResponse.Header> headers = new ArrayList<>();
        List<RdgHttpResponse.AuthChallenge> challenges = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith(" ") || line.startsWith("\t")) {
                throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "obsolete folded header line " + i);
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !line.substring(0, colon).matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "header line " + i + " has no valid name");
            }
            if (headers.size() == MAX_HEADERS) {
                throw new MalformedPduException(MalformedPduException.Kind.TOO_LARGE, "more than " + MAX_HEADERS + " headers");
            }
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            headers.add(new RdgHttpResponse.Header(name, value));
            if (name.equalsIgnoreCase("WWW-Authenticate")) {
                challenges.addAll(challenges(value));
            }
        }
        return new RdgHttpResponse(parts[0], Integer.parseInt(parts[1]), parts.length == 3 ? parts[2] : "", headers, challenges, end);
    }

    /**
     * Splits one WWW-Authenticate value into challenges (RFC 9110 11.6.1): a comma starts a new
     * challenge when what follows is a scheme token not followed by '=' (an auth-param is).
     */
    static List<RdgHttpResponse.AuthChallenge> challenges(String value) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' && (i == 0 || value.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                pieces.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        pieces.add(current.toString().strip());

        List<RdgHttpResponse.AuthChallenge> challenges = new ArrayList<>();
        String scheme = null;
        StringBuilder parameters = new StringBuilder();
        for (String piece : pieces) {
            if (piece.isEmpty()) {
                continue;
            }
            int space = piece.indexOf(' ');
            String first = space < 0 ? piece : piece.substring(0, space);
            boolean startsChallenge = !first.contains("=") && first.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
            if (startsChallenge) {
                if (scheme != null) {
                    challenges.add(new RdgHttpResponse.AuthChallenge(scheme, parameters.toString()));
                }
                scheme = first;
                parameters.setLength(0);
                parameters.append(space < 0 ? "" : piece.substring(space + 1).strip());
            } else if (scheme != null) {
                parameters.append(parameters.length() == 0 ? "" : ", ").append(piece);
            }
        }
        if (scheme != null) {
            challenges.add(new RdgHttpResponse.AuthChallenge(scheme, parameters.toString()));
        }
        return challenges;
    }

    /** The Authorization value for HTTP Basic (RFC 7617, UTF-8). */
    public static String basicAuthorization(String user, char[] password) {
        byte[] userBytes = (user + ":").getBytes(StandardCharsets.UTF_8);
        byte[] passwordBytes = new String(password).getBytes(StandardCharsets.UTF_8);
        byte[] joined = new byte[userBytes.length + passwordBytes.length];
        System.arraycopy(userBytes, 0, joined, 0, userBytes.length);
        System.arraycopy(passwordBytes, 0, joined, userBytes.length, passwordBytes.length);
        String encoded = java.util.Base64.getEncoder().encodeToString(joined);
        java.util.Arrays.fill(joined, (byte) 0);
        java.util.Arrays.fill(passwordBytes, (byte) 0);
        return "Basic " + encoded;
    }
}
