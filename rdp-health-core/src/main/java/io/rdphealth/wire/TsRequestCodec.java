package io.rdphealth.wire;

/**
 * The CredSSP TSRequest (MS-CSSP 2.2.1) as far as a credential-free probe needs it: send an NTLM
 * NEGOTIATE inside negoTokens, read the server's answer.
 */
public final class TsRequestCodec {
    /** The TSRequest version we announce; servers answer with theirs. */
    public static final int CLIENT_VERSION = 6;
    /** A CHALLENGE-carrying TSRequest is a few hundred bytes; cap what a peer may make us read. */
    public static final int MAX_TSREQUEST_LENGTH = 16 * 1024;

    private TsRequestCodec() {
    }

    /** The server's TSRequest: its version, the first negoToken (may be null) and errorCode (may be null). */
    public record TsRequest(int version, byte[] negoToken, Long errorCode) {
    }

    public static byte[] encodeNegotiate(byte[] ntlmNegotiate) {
        byte[] token = Der.tlv(Der.contextTag(0), Der.tlv(Der.OCTET_STRING, ntlmNegotiate));
        byte[] negoData = Der.tlv(Der.SEQUENCE, Der.tlv(Der.SEQUENCE, token));
        return Der.tlv(Der.SEQUENCE,
                Der.tlv(Der.contextTag(0), Der.integer(CLIENT_VERSION)),
                Der.tlv(Der.contextTag(1), negoData));
    }

    public static TsRequest decode(byte[] bytes) throws MalformedPduException {
        if (bytes.length == 0 || (bytes[0] & 0xFF) != Der.SEQUENCE) {
            throw new MalformedPduException(MalformedPduException.Kind.NOT_RDP,
                    "CredSSP answer is not a DER SEQUENCE: " + Bytes.hex(bytes, bytes.length, 8));
        }
        Der.Element request = Der.read(bytes, 0, bytes.length);
        Integer version = null;
        byte[] token = null;
        Long errorCode = null;
        int position = request.valueOffset();
        while (position < request.end()) {
            Der.Element field = Der.read(bytes, position, request.end());
            Der.Element inner = Der.read(bytes, field.valueOffset(), field.end());
            switch (field.tag()) {
                case 0xA0 -> version = (int) inner.asLong();
                case 0xA1 -> token = firstNegoToken(bytes, inner);
                case 0xA4 -> errorCode = inner.asLong() & 0xFFFFFFFFL;
                default -> {
                    // authInfo, pubKeyAuth, clientNonce: not needed for a credential-free probe.
                }
            }
            position = field.end();
        }
        if (version == null) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "TSRequest without version");
        }
        if (version < 2 || version > 6) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "TSRequest version " + version + " outside 2..6");
        }
        return new TsRequest(version, token, errorCode);
    }

    private static byte[] firstNegoToken(byte[] bytes, Der.Element negoData) throws MalformedPduException {
        if (negoData.tag() != Der.SEQUENCE) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "negoTokens is not a SEQUENCE OF");
        }
        if (negoData.valueLength() == 0) {
            return null;
        }
        Der.Element item = Der.read(bytes, negoData.valueOffset(), negoData.end());
        Der.Element tagged = Der.read(bytes, item.valueOffset(), item.end());
        if (tagged.tag() != 0xA0) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "NegoData item without negoToken [0]");
        }
        Der.Element octets = Der.read(bytes, tagged.valueOffset(), tagged.end());
        if (octets.tag() != Der.OCTET_STRING) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "negoToken is not an OCTET STRING");
        }
        return octets.value();
    }
}
