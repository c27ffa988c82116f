package io.rdphealth.wire;

import java.util.Base64;
import java.util.Locale;

/**
 * NTLM messages inside HTTP authentication headers (the NTLM and Negotiate schemes carry one
 * base64 token68). Pure functions with a size cap: a CHALLENGE is a few hundred bytes, so a token
 * longer than {@link #MAX_TOKEN_CHARS} is refused before it is decoded.
 */
public final class HttpNtlmToken {
    /** Base64 characters accepted in one token (6 KiB of message). */
    public static final int MAX_TOKEN_CHARS = 8192;
    private static final byte[] SIGNATURE = {'N', 'T', 'L', 'M', 'S', 'S', 'P', 0};

    private HttpNtlmToken() {
    }

    /** The Authorization header value: the scheme, a space, the message in base64. */
    public static String authorization(String scheme, byte[] message) {
        return scheme + " " + Base64.getEncoder().encodeToString(message);
    }

    /**
     * The NTLM message a 401 carries in its {@code WWW-Authenticate: <scheme> <token>} header. A
     * Negotiate token wrapped in SPNEGO (NegTokenResp, RFC 4178) is unwrapped to its responseToken.
     *
     * @throws MalformedPduException naming what is wrong: no token for the scheme, too long, not
     *                               base64, no NTLM message inside
     */
    public static byte[] fromChallenge(RdgHttpResponse response, String scheme) throws MalformedPduException {
        String wanted = scheme.toLowerCase(Locale.ROOT);
        String token = response.challenges().stream()
                .filter(c -> c.scheme().toLowerCase(Locale.ROOT).equals(wanted) && !c.parameters().isEmpty())
                .map(RdgHttpResponse.AuthChallenge::parameters)
                .findFirst()
                .orElseThrow(() -> new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                        "the " + response.status() + " answer has no '" + scheme + " <token>' in WWW-Authenticate (schemes: "
                                + String.join(", ", response.authSchemes()) + ")"));
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new MalformedPduException(MalformedPduException.Kind.TOO_LARGE,
                    "the " + scheme + " token has " + token.length() + " characters, more than the " + MAX_TOKEN_CHARS + " accepted");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                    "the " + scheme + " token is not base64: '" + Bytes.printable(token.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                            token.length(), 24) + "'");
        }
        if (decoded.length > 0 && (decoded[0] & 0xFF) == Der.contextTag(1)) {
            return spnegoResponseToken(decoded);
        }
        requireNtlm(decoded, scheme);
        return decoded;
    }

    /** NegTokenResp ::= [1] SEQUENCE { negState [0], supportedMech [1], responseToken [2] OCTET STRING, mechListMIC [3] }. */
    private static byte[] spnegoResponseToken(byte[] token) throws MalformedPduException {
        Der.Element outer = Der.read(token, 0, token.length);
        Der.Element sequence = Der.read(token, outer.valueOffset(), outer.end());
        if (sequence.tag() != Der.SEQUENCE) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "SPNEGO NegTokenResp without a SEQUENCE");
        }
        int position = sequence.valueOffset();
        while (position < sequence.end()) {
            Der.Element field = Der.read(token, position, sequence.end());
            if (field.tag() == Der.contextTag(2)) {
                Der.Element octets = Der.read(token, field.valueOffset(), field.end());
                if (octets.tag() != Der.OCTET_STRING) {
                    throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "SPNEGO responseToken is not an OCTET STRING");
                }
                byte[] inner = octets.value();
                requireNtlm(inner, "SPNEGO responseToken");
                return inner;
            }
            position = field.end();
        }
        throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "SPNEGO NegTokenResp carries no responseToken");
    }

    private static void requireNtlm(byte[] message, String where) throws MalformedPduException {
        if (message.length < SIGNATURE.length || !java.util.Arrays.equals(message, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                    "the " + where + " token is not an NTLM message (starts " + Bytes.hex(message, message.length, 8) + ")");
        }
    }
}
