package io.rdphealth.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The MCS Connect-Initial a client sends after an X.224 exchange that selected standard RDP
 * security, and the decoder of the server's MCS Connect-Response (MS-RDPBCGR 2.2.1.3, 2.2.1.4;
 * T.125 BER, T.124 GCC in aligned PER). Written from the specification; pure functions, no I/O.
 *
 * <p>The request carries the three client data blocks a server needs to answer: CS_CORE (up to
 * serverSelectedProtocol), CS_SECURITY (the encryption methods offered) and CS_NET (no channels).
 * The answer's SC_SECURITY block says which method the server chose and its encryption level.
 */
public final class McsCodec {
    /** A Connect-Response with a proprietary certificate is about 300 bytes, with an X.509 chain a few KB. */
    public static final int MAX_RESPONSE_LENGTH = 32 * 1024;

    /** T.124 object identifier {0 0 20 124 0 1}, PER-encoded with its length byte. */
    private static final byte[] T124_OID = {0x05, 0x00, 0x14, 0x7C, 0x00, 0x01};
    /**
     * ConnectGCCPDU conferenceCreateRequest: conferenceName "1", lockedConference false,
     * listedConference false, conductibleConference false, terminationMethod automatic, userData
     * with one h221NonStandard key "Duca" (the client-to-server key of MS-RDPBCGR 2.2.1.3).
     */
    private static final byte[] CONFERENCE_CREATE_REQUEST = {0x00, 0x08, 0x00, 0x10, 0x00, 0x01, (byte) 0xC0, 0x00,
        'D', 'u', 'c', 'a'};
    /** The server-to-client h221NonStandard key. */
    private static final byte[] SERVER_KEY = {'M', 'c', 'D', 'n'};

    private static final int CS_CORE = 0xC001;
    private static final int CS_SECURITY = 0xC002;
    private static final int CS_NET = 0xC003;
    private static final int SC_CORE = 0x0C01;
    private static final int SC_SECURITY = 0x0C02;
    private static final int SC_NET = 0x0C03;
    private static final long RDP_VERSION_5_PLUS = 0x00080004L;
    private static final long CERT_CHAIN_VERSION_1 = 1;
    private static final long CERT_CHAIN_VERSION_2 = 2;
    private static final long RSA1_MAGIC = 0x31415352L; // "RSA1" little-endian
    private static final int BER_ENUMERATED = 0x0A;

    private McsCodec() {
    }

    /**
     * The whole PDU (TPKT, X.224 Data TPDU, MCS Connect-Initial) offering {@code encryptionMethods}
     * (bits of {@link EncryptionMethod}) and echoing the protocol the X.224 exchange selected.
     */
    public static byte[] connectInitial(int encryptionMethods, int serverSelectedProtocol, String clientName) {
        byte[] blocks = concat(clientCore(serverSelectedProtocol, clientName), clientSecurity(encryptionMethods), clientNetwork());
        byte[] createRequest = concat(CONFERENCE_CREATE_REQUEST, perLength(blocks.length), blocks);
        byte[] gcc = concat(new byte[] {0x00}, T124_OID, perLength(createRequest.length), createRequest);

        byte[] body = concat(
                Der.tlv(Der.OCTET_STRING, new byte[] {0x01}), // callingDomainSelector
                Der.tlv(Der.OCTET_STRING, new byte[] {0x01}), // calledDomainSelector
                Der.tlv(0x01, new byte[] {(byte) 0xFF}), // upwardFlag TRUE
                domainParameters(34, 2, 0, 1, 0, 1, 0xFFFF, 2), // target
                domainParameters(1, 1, 1, 1, 0, 1, 0x420, 2), // minimum
                domainParameters(0xFFFF, 0xFC17, 0xFFFF, 1, 0, 1, 0xFFFF, 2), // maximum
                Der.tlv(Der.OCTET_STRING, gcc)); // userData
        byte[] mcs = concat(new byte[] {0x7F, 0x65}, berLength(body.length), body);
        int total = X224Codec.TPKT_HEADER_LENGTH + 3 + mcs.length;
        byte[] header = {0x03, 0x00, (byte) (total >>> 8), (byte) total, 0x02, (byte) 0xF0, (byte) 0x80};
        return concat(header, mcs);
    }

    /** TS_UD_CS_CORE up to serverSelectedProtocol: 216 bytes. */
    private static byte[] clientCore(int serverSelectedProtocol, String clientName) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, CS_CORE);
        u16(out, 216);
        u32(out, RDP_VERSION_5_PLUS);
        u16(out, 1024); // desktopWidth
        u16(out, 768); // desktopHeight
        u16(out, 0xCA01); // colorDepth RNS_UD_COLOR_8BPP
        u16(out, 0xAA03); // SASSequence RNS_UD_SAS_DEL
        u32(out, 0x409); // keyboardLayout en-US
        u32(out, 2600); // clientBuild
        byte[] name = new byte[32]; // 15 UTF-16 characters and the terminating null
        String shortName = clientName == null ? "" : clientName.substring(0, Math.min(15, clientName.length()));
        byte[] encoded = shortName.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(encoded, 0, name, 0, encoded.length);
        out.writeBytes(name);
        u32(out, 4); // keyboardType IBM enhanced
        u32(out, 0); // keyboardSubType
        u32(out, 12); // keyboardFunctionKey
        out.writeBytes(new byte[64]); // imeFileName
        u16(out, 0xCA01); // postBeta2ColorDepth
        u16(out, 1); // clientProductId
        u32(out, 0); // serialNumber
        u16(out, 24); // highColorDepth
        u16(out, 0x0007); // supportedColorDepths 24, 16, 15 bpp
        u16(out, 0x0001); // earlyCapabilityFlags RNS_UD_CS_SUPPORT_ERRINFO_PDU
        out.writeBytes(new byte[64]); // clientDigProductId
        out.write(0); // connectionType
        out.write(0); // pad1octet
        u32(out, serverSelectedProtocol & 0xFFFFFFFFL);
        return out.toByteArray();
    }

    private static byte[] clientSecurity(int encryptionMethods) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, CS_SECURITY);
        u16(out, 12);
        u32(out, encryptionMethods & 0xFFFFFFFFL);
        u32(out, 0); // extEncryptionMethods: only for the French locale
        return out.toByteArray();
    }

    private static byte[] clientNetwork() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, CS_NET);
        u16(out, 8);
        u32(out, 0); // channelCount
        return out.toByteArray();
    }

    private static byte[] domainParameters(int... values) {
        byte[][] integers = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            integers[i] = Der.integer(values[i]);
        }
        return Der.tlv(Der.SEQUENCE, integers);
    }

    /**
     * Reads the total PDU length from a TPKT header, rejecting what is not TPKT or announces more
     * than {@link #MAX_RESPONSE_LENGTH}. A stream reader calls this before reading the body.
     */
    public static int tpktLength(byte[] header) throws MalformedPduException {
        if (header.length < X224Codec.TPKT_HEADER_LENGTH) {
            throw new MalformedPduException(MalformedPduException.Kind.TRUNCATED, "TPKT header has " + header.length + " of 4 bytes");
        }
        if ((header[0] & 0xFF) != 0x03 || header[1] != 0x00) {
            throw new MalformedPduException(MalformedPduException.Kind.NOT_RDP,
                    "not a TPKT header: " + X224Codec.describe(header, header.length));
        }
        int length = Bytes.u16be(header, 2);
        if (length < 7) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "TPKT length " + length + " is shorter than an X.224 Data TPDU");
        }
        if (length > MAX_RESPONSE_LENGTH) {
            throw new MalformedPduException(MalformedPduException.Kind.TOO_LARGE,
                    "TPKT length " + length + " exceeds the " + MAX_RESPONSE_LENGTH + "-byte cap for an MCS Connect-Response");
        }
        return length;
    }

    /** Decodes a whole MCS Connect-Response PDU (TPKT header included). */
    public static McsConnectResponse decodeConnectResponse(byte[] pdu) throws MalformedPduException {
        int length = tpktLength(pdu);
        if (pdu.length < length) {
            throw new MalformedPduException(MalformedPduException.Kind.TRUNCATED, "MCS Connect-Response has " + pdu.length + " of " + length + " bytes");
        }
        int code = pdu[5] & 0xF0;
        if (code == 0x80) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "the server sent an X.224 Disconnect Request instead of an MCS Connect-Response");
        }
        if ((pdu[4] & 0xFF) != 0x02 || code != 0xF0) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                    String.format("expected an X.224 Data TPDU (02 F0), found %02X %02X", pdu[4] & 0xFF, pdu[5] & 0xFF));
        }
        int position = 7;
        if (position + 2 > length) {
            throw new MalformedPduException(MalformedPduException.Kind.TRUNCATED, "X.224 Data TPDU without MCS PDU");
        }
        if ((pdu[position] & 0xFF) == 0x21) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "the server sent an MCS Disconnect Provider Ultimatum");
        }
        if ((pdu[position] & 0xFF) != 0x7F || (pdu[position + 1] & 0xFF) != 0x66) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                    String.format("MCS PDU tag %02X %02X is not Connect-Response (7F 66)", pdu[position] & 0xFF, pdu[position + 1] & 0xFF));
        }
        // The two-byte application tag is not DER's single-byte form: read its length by hand.
        int[] header = berLengthAt(pdu, position + 2, length);
        int end = header[0] + header[1];
        position = header[0];

        Der.Element result = Der.read(pdu, position, end);
        if (result.tag() != BER_ENUMERATED || result.valueLength() != 1) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "Connect-Response result is not a one-byte ENUMERATED");
        }
        int resultCode = pdu[result.valueOffset()] & 0xFF;
        Der.Element connectId = Der.read(pdu, result.end(), end);
        Der.Element domainParameters = Der.read(pdu, connectId.end(), end);
        if (domainParameters.tag() != Der.SEQUENCE) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "Connect-Response domainParameters is not a SEQUENCE");
        }
        if (resultCode != McsConnectResponse.RT_SUCCESSFUL) {
            return new McsConnectResponse(resultCode, null, null, null, null, null);
        }
        Der.Element userData = Der.read(pdu, domainParameters.end(), end);
        if (userData.tag() != Der.OCTET_STRING) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "Connect-Response userData is not an OCTET STRING");
        }
        return decodeConferenceCreateResponse(pdu, userData.valueOffset(), userData.end());
    }

    /** The GCC Conference Create Response (T.124 aligned PER) and the server data blocks inside it. */
    private static McsConnectResponse decodeConferenceCreateResponse(byte[] b, int start, int end) throws MalformedPduException {
        PerReader per = new PerReader(b, start, end);
        per.skip(1, "ConnectData key choice");
        byte[] oid = per.take(T124_OID.length, "T.124 object identifier");
        if (!java.util.Arrays.equals(oid, T124_OID)) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "GCC ConnectData does not carry the T.124 object identifier");
        }
        // The connectPDU length is read and ignored: xrdp 0.9.21 always writes 0x2A (the value of
        // the specification's example) whatever follows. The userData OCTET STRING is the bound.
        per.length("connectPDU");
        per.skip(1, "ConnectGCCPDU choice");
        per.skip(2, "nodeID");
        int tagLength = per.take(1, "tag length")[0] & 0xFF;
        if (tagLength < 1 || tagLength > 4) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "GCC tag integer of " + tagLength + " bytes");
        }
        per.skip(tagLength, "tag");
        per.skip(1, "result");
        per.skip(1, "number of user data sets");
        per.skip(1, "user data choice");
        int keyLength = (per.take(1, "h221NonStandard length")[0] & 0xFF) + 4; // PER octet string, minimum size 4
        byte[] key = per.take(keyLength, "h221NonStandard key");
        if (!java.util.Arrays.equals(key, SERVER_KEY)) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                    "GCC user data key '" + Bytes.printable(key, key.length, 8) + "' is not 'McDn'");
        }
        int dataLength = per.length("server data");
        int position = per.position();
        int dataEnd = position + dataLength;
        if (dataEnd > per.limit()) {
            throw new MalformedPduException(MalformedPduException.Kind.TRUNCATED,
                    "server data claims " + dataLength + " bytes, " + (per.limit() - position) + " remain");
        }
        return decodeServerBlocks(b, position, dataEnd);
    }

    private static McsConnectResponse decodeServerBlocks(byte[] b, int position, int end) throws MalformedPduException {
        Long version = null;
        Long requested = null;
        ServerSecurityData security = null;
        Integer channelId = null;
        Integer channelCount = null;
        while (position + 4 <= end) {
            int type = Bytes.u16le(b, position);
            int blockLength = Bytes.u16le(b, position + 2);
            if (blockLength < 4 || blockLength > end - position) {
                throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                        String.format("server data block 0x%04X claims %d bytes, %d remain", type, blockLength, end - position));
            }
            int body = position + 4;
            int bodyLength = blockLength - 4;
            switch (type) {
                case SC_CORE -> {
                    if (bodyLength >= 4) {
                        version = Bytes.u32le(b, body);
                    }
                    if (bodyLength >= 8) {
                        requested = Bytes.u32le(b, body + 4);
                    }
                }
                case SC_SECURITY -> security = decodeSecurity(b, body, bodyLength);
                case SC_NET -> {
                    if (bodyLength >= 4) {
                        channelId = Bytes.u16le(b, body);
                        channelCount = Bytes.u16le(b, body + 2);
                    }
                }
                default -> {
                    // SC_MCS_MSGCHANNEL, SC_MULTITRANSPORT: nothing a security probe needs.
                }
            }
            position += blockLength;
        }
        return new McsConnectResponse(McsConnectResponse.RT_SUCCESSFUL, version, requested, security, channelId, channelCount);
    }

    private static ServerSecurityData decodeSecurity(byte[] b, int body, int length) throws MalformedPduException {
        if (length < 8) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "SC_SECURITY has " + length + " bytes, at least 8 needed");
        }
        long method = Bytes.u32le(b, body);
        long level = Bytes.u32le(b, body + 4);
        if (length < 16) {
            return new ServerSecurityData(method, level, 0, ServerSecurityData.CertificateKind.NONE, null);
        }
        long randomLength = Bytes.u32le(b, body + 8);
        long certificateLength = Bytes.u32le(b, body + 12);
        long available = length - 16L;
        if (randomLength > available || certificateLength > available - randomLength) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                    "SC_SECURITY announces a " + randomLength + "-byte random and a " + certificateLength
                    + "-byte certificate in " + available + " bytes");
        }
        int certificate = body + 16 + (int) randomLength;
        ServerSecurityData.CertificateKind kind = ServerSecurityData.CertificateKind.NONE;
        Integer keyBits = null;
        if (certificateLength >= 4) {
            long certificateVersion = Bytes.u32le(b, certificate) & 0x7FFFFFFFL;
            if (certificateVersion == CERT_CHAIN_VERSION_1) {
                kind = ServerSecurityData.CertificateKind.PROPRIETARY;
                keyBits = proprietaryKeyBits(b, certificate, (int) certificateLength);
            } else if (certificateVersion == CERT_CHAIN_VERSION_2) {
                kind = ServerSecurityData.CertificateKind.X509;
            } else {
                kind = ServerSecurityData.CertificateKind.UNKNOWN;
            }
        }
        return new ServerSecurityData(method, level, (int) randomLength, kind, keyBits);
    }

    /**
     * The modulus size of a PROPRIETARYSERVERCERTIFICATE's RSA key (MS-RDPBCGR 2.2.1.4.3.1.1):
     * dwVersion, dwSigAlgId, dwKeyAlgId (12 bytes), wPublicKeyBlobType, wPublicKeyBlobLen, then the
     * RSA_PUBLIC_KEY: magic "RSA1", keylen, bitlen, ...
     */
    private static Integer proprietaryKeyBits(byte[] b, int certificate, int length) throws MalformedPduException {
        int blob = certificate + 16;
        if (length < 16 + 12) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "proprietary server certificate of " + length + " bytes is too short");
        }
        int blobLength = Bytes.u16le(b, certificate + 14);
        if (blobLength < 12 || blobLength > length - 16) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED,
                    "proprietary certificate public key blob claims " + blobLength + " bytes, " + (length - 16) + " remain");
        }
        if (Bytes.u32le(b, blob) != RSA1_MAGIC) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "proprietary certificate public key lacks the RSA1 magic");
        }
        long bits = Bytes.u32le(b, blob + 8);
        if (bits > 16384) {
            throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "proprietary certificate claims a " + bits + "-bit key");
        }
        return (int) bits;
    }

    /** {valueOffset, valueLength} of a BER length at {@code offset}, checked against {@code limit}. */
    private static int[] berLengthAt(byte[] b, int offset, int limit) throws MalformedPduException {
        Der.Length length = Der.readLength(b, offset, limit, "MCS Connect-Response BER element at offset " + offset);
        return new int[] {length.valueOffset(), length.length()};
    }

    private static byte[] berLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length < 0x100) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        return new byte[] {(byte) 0x82, (byte) (length >>> 8), (byte) length};
    }

    /** PER length determinant: one byte below 128, else two bytes with the top bit set. */
    private static byte[] perLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        return new byte[] {(byte) (0x80 | length >>> 8), (byte) length};
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
    }

    private static void u32(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 4; i++) {
            out.write((int) (value >>> (8 * i)));
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A cursor over PER bytes that refuses to step past its limit. */
    private static final class PerReader {
        private final byte[] b;
        private int position;
        private int limit;

        PerReader(byte[] b, int start, int limit) {
            this.b = b;
            this.position = start;
            this.limit = limit;
        }

        int position() {
            return position;
        }

        int limit() {
            return limit;
        }

        byte[] take(int count, String what) throws MalformedPduException {
            if (count > limit - position) {
                throw new MalformedPduException(MalformedPduException.Kind.TRUNCATED, "GCC " + what + " truncated");
            }
            byte[] out = java.util.Arrays.copyOfRange(b, position, position + count);
            position += count;
            return out;
        }

        void skip(int count, String what) throws MalformedPduException {
            take(count, what);
        }

        int length(String what) throws MalformedPduException {
            int first = take(1, what + " length")[0] & 0xFF;
            if ((first & 0x80) == 0) {
                return first;
            }
            if ((first & 0xC0) == 0xC0) {
                throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "fragmented PER length for " + what);
            }
            int second = take(1, what + " length")[0] & 0xFF;
            return (first & 0x3F) << 8 | second;
        }
    }
}
