package io.rdphealth.evidence;

/**
 * What the request carrying the given credentials achieved (the raw request is
 * {@link GatewayEvidence#authenticated()}). Evidence only: a rejected password is the caller's
 * problem, not a gateway finding. Never holds a credential, only the scheme name.
 *
 * @param scheme  {@code NTLM}, {@code Negotiate}, {@code Basic} or {@code Bearer}
 * @param outcome the verdict on the answer
 * @param detail  one line: the status, or why there was no answer or no request
 * @param warning a caution about how the credentials travelled (Basic), or {@code null}
 */
public record GatewayAuthentication(String scheme, Outcome outcome, String detail, String warning) {

    /** The verdict on the authenticated request. */
    public enum Outcome {
        /** 200 (HTTP transport) or 101 (websocket): the gateway accepted the credentials. */
        AUTHENTICATED,
        /** 401 to the credentials: user, domain or password wrong, or the account not allowed. */
        REJECTED,
        /** Another status (403, 404, 5xx, ...). */
        UNEXPECTED_ANSWER,
        /** The request was sent but no HTTP answer came (closed, silent, garbage). */
        NO_ANSWER,
        /** The request could not be sent (no fitting scheme, no CHALLENGE, connection not reusable). */
        NOT_SENT
    }

    /** Judges one authenticated request. */
    public static GatewayAuthentication of(GatewayHandshake handshake, String warning) {
        String scheme = handshake.authorizationScheme();
        if (handshake.note() != null) {
            return new GatewayAuthentication(scheme, Outcome.NOT_SENT, handshake.note(), warning);
        }
        if (handshake.status() == null) {
            ExchangeFailure failure = handshake.failure();
            return new GatewayAuthentication(scheme, Outcome.NO_ANSWER,
                    failure == null ? "no answer" : failure.kind() + ": " + failure.detail(), warning);
        }
        int status = handshake.status();
        Outcome outcome = status == 200 || status == 101 ? Outcome.AUTHENTICATED : status == 401 ? Outcome.REJECTED : Outcome.UNEXPECTED_ANSWER;
        return new GatewayAuthentication(scheme, outcome, "HTTP " + status + " " + handshake.reason(), warning);
    }
}
