package io.rdphealth.wire;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The head of an HTTP response from an RD Gateway (MS-TSGU 2.2.5.1 HTTP transport): status line,
 * headers in the order sent, and the authentication challenges of every {@code WWW-Authenticate}
 * header. The body is never read.
 *
 * @param version          {@code HTTP/1.1} or {@code HTTP/1.0}
 * @param status           status code, 100..599
 * @param reason           reason phrase (may be empty)
 * @param headers          headers in order; names as sent
 * @param challenges       one entry per challenge of every WWW-Authenticate header, in order
 * @param headBytes        size of the head, CRLFCRLF included
 */
public record RdgHttpResponse(
        String version,
        int status,
        String reason,
        List<Header> headers,
        List<AuthChallenge> challenges,
        int headBytes) {

    public RdgHttpResponse {
        headers = List.copyOf(headers);
        challenges = List.copyOf(challenges);
    }

    /** One header line. */
    public record Header(String name, String value) {
    }

    /**
     * One authentication challenge.
     *
     * @param scheme     the scheme as sent ({@code Negotiate}, {@code NTLM}, {@code Basic}, ...)
     * @param parameters what followed the scheme: a token68 (an NTLM CHALLENGE in base64) or
     *                   auth-params such as {@code realm="x"}; empty when none
     */
    public record AuthChallenge(String scheme, String parameters) {
    }

    /** The value of the first header named {@code name} (case-insensitive). */
    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    /** The scheme names offered, in order, without duplicates. */
    public List<String> authSchemes() {
        return challenges.stream().map(AuthChallenge::scheme).distinct().toList();
    }

    /** Whether a scheme is offered (case-insensitive, as HTTP says scheme names are). */
    public boolean offers(String scheme) {
        String wanted = scheme.toLowerCase(Locale.ROOT);
        return challenges.stream().anyMatch(c -> c.scheme().toLowerCase(Locale.ROOT).equals(wanted));
    }
}
