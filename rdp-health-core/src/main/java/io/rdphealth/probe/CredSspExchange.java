package io.rdphealth.probe;

import io.rdphealth.evidence.ExchangeFailure;
import io.rdphealth.evidence.FailureKind;
import io.rdphealth.evidence.NtlmEvidence;
import io.rdphealth.probe.net.FailureClassifier;
import io.rdphealth.probe.net.PeerClosedException;
import io.rdphealth.probe.tls.TlsChannel;
import io.rdphealth.wire.Der;
import io.rdphealth.wire.MalformedPduException;
import io.rdphealth.wire.NtlmCodec;
import io.rdphealth.wire.TsRequestCodec;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * The first CredSSP round trip, credential-free: TSRequest{NTLM NEGOTIATE} out, TSRequest{NTLM
 * CHALLENGE} in. The challenge names the server (NetBIOS/DNS) and its OS build.
 */
final class CredSspExchange {
    private CredSspExchange() {
    }

    static NtlmEvidence readChallenge(TlsChannel channel, LongSupplier received) {
        long start = System.nanoTime();
        try {
            channel.out().write(TsRequestCodec.encodeNegotiate(NtlmCodec.negotiate()));
            channel.out().flush();
            byte[] answer = readDerElement(channel.in(), TsRequestCodec.MAX_TSREQUEST_LENGTH);
            TsRequestCodec.TsRequest request = TsRequestCodec.decode(answer);
            if (request.negoToken() == null) {
                String detail = request.errorCode() == null ? "TSRequest without an NTLM token"
                        : String.format("TSRequest carries errorCode 0x%08X", request.errorCode());
                return new NtlmEvidence(request.version(), null,
                        new ExchangeFailure(FailureKind.MALFORMED, detail, X224Exchange.millisSince(start)));
            }
            return new NtlmEvidence(request.version(), NtlmCodec.decodeChallenge(request.negoToken()), null);
        } catch (IOException | MalformedPduException e) {
            return new NtlmEvidence(null, null,
                    FailureClassifier.exchangeFailure(e, received.getAsLong(), X224Exchange.millisSince(start)));
        }
    }

    /** Reads one DER element whose announced size must stay under {@code cap}. */
    static byte[] readDerElement(InputStream in, int cap) throws IOException, MalformedPduException {
        byte[] header = new byte[6];
        int have = 0;
        int total;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new PeerClosedException(have, 2);
            }
            header[have++] = (byte) b;
            if (have == 1 && b != Der.SEQUENCE) {
                throw new MalformedPduException(MalformedPduException.Kind.NOT_RDP,
                        String.format("CredSSP answer starts with 0x%02X, not a DER SEQUENCE", b));
            }
            total = Der.totalLength(header, have, cap);
            if (total >= 0) {
                break;
            }
            if (have == header.length) {
                throw new MalformedPduException(MalformedPduException.Kind.MALFORMED, "DER header longer than 6 bytes");
            }
        }
        byte[] element = Arrays.copyOf(header, total);
        int filled = have;
        while (filled < total) {
            int n = in.read(element, filled, total - filled);
            if (n < 0) {
                throw new PeerClosedException(filled, total);
            }
            filled += n;
        }
        return element;
    }
}
