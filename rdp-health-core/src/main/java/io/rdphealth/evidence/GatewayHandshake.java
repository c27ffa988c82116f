package io.rdphealth.evidence;

import java.util.List;

/**
 * One RD Gateway OUT channel request (MS-TSGU HTTP transport) on its own TLS connection, and the
 * head of the answer. Credentials never appear here: only the name of the scheme they were sent with.
 *
 * @param variant             plain HTTP transport or its websocket upgrade
 * @param authorizationScheme the scheme of the Authorization header sent ({@code NTLM},
 *                            {@code Negotiate}, {@code Basic}, {@code Bearer}), or {@code null} for
 *                            the credential-free request
 * @param status              HTTP status, or {@code null} when no head was read
 * @param reason              reason phrase, or {@code null}
 * @param authSchemes         schemes of the WWW-Authenticate headers, in order
 * @param server              the Server header, or {@code null}
 * @param failure             why no head was read, or {@code null}
 * @param note                why the request was not sent at all (e.g. no scheme the credentials
 *                            fit), or {@code null} when it was sent
 * @param millis              from sending the request to the parsed head (or the failure)
 */
public record GatewayHandshake(
        Variant variant,
        String authorizationScheme,
        Integer status,
        String reason,
        List<String> authSchemes,
        String server,
        ExchangeFailure failure,
        String note,
        double millis) {

    public enum Variant { HTTP, WEBSOCKET }

    public GatewayHandshake {
        authSchemes = authSchemes == null ? List.of() : List.copyOf(authSchemes);
    }

    /** A request that was not sent, and why. */
    public static GatewayHandshake notSent(Variant variant, String authorizationScheme, String why) {
        return new GatewayHandshake(variant, authorizationScheme, null, null, List.of(), null, null, why, 0);
    }

    public boolean answered() {
        return status != null;
    }

    /**
     * Whether the answer is what an RD Gateway gives: 401 with at least one scheme before
     * authentication, 200 (HTTP) or 101 (websocket) after it.
     */
    public boolean looksLikeGateway() {
        return status != null && (status == 401 && !authSchemes.isEmpty() || status == 200 || status == 101);
    }
}
