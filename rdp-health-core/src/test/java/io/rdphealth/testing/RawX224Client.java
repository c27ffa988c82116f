package io.rdphealth.testing;

import io.rdphealth.wire.MalformedPduException;
import io.rdphealth.wire.NtlmChallenge;
import io.rdphealth.wire.NtlmCodec;
import io.rdphealth.wire.TsRequestCodec;
import io.rdphealth.wire.X224Codec;
import io.rdphealth.wire.X224Confirm;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * A minimal client for fixture tests: one X.224 request/confirm exchange on a fresh connection,
 * optionally followed by a JDK TLS (1.2/1.3) handshake that trusts anything. Deliberately
 * independent of the production probe, so the fixture can be verified on its own.
 */
public final class RawX224Client {
    private RawX224Client() {
    }

    /** Sends a Connection Request asking for {@code requestedProtocols} and decodes the confirm. */
    public static X224Confirm negotiate(int port, int requestedProtocols, Duration timeout)
            throws IOException, MalformedPduException {
        try (Socket socket = connect(port, timeout)) {
            return exchange(socket, requestedProtocols);
        }
    }

    /** {@link #negotiate} with a 5-second timeout. */
    public static X224Confirm negotiate(int port, int requestedProtocols) throws IOException, MalformedPduException {
        return negotiate(port, requestedProtocols, Duration.ofSeconds(5));
    }

    /** The outcome of X.224 followed by a TLS handshake attempt. */
    public record TlsAttempt(X224Confirm confirm, boolean handshakeCompleted, String protocol,
            List<X509Certificate> peerCertificates, String failure) {
        public TlsAttempt {
            peerCertificates = List.copyOf(peerCertificates);
        }

        public Optional<String> failureMessage() {
            return Optional.ofNullable(failure);
        }
    }

    /**
     * Negotiates {@code requestedProtocols}, then (whatever the confirm said, as a hostile client
     * would) tries a TLS handshake with the JDK, trusting every certificate.
     */
    public static TlsAttempt negotiateThenTls(int port, int requestedProtocols, Duration timeout)
            throws IOException, MalformedPduException {
        try (Socket socket = connect(port, timeout)) {
            X224Confirm confirm = exchange(socket, requestedProtocols);
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new javax.net.ssl.TrustManager[] {new TrustAll()}, null);
                try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket, "127.0.0.1", port, false)) {
                    tls.setUseClientMode(true);
                    tls.startHandshake();
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate certificate : tls.getSession().getPeerCertificates()) {
                        chain.add((X509Certificate) certificate);
                    }
                    return new TlsAttempt(confirm, true, tls.getSession().getProtocol(), chain, null);
                }
            } catch (IOException e) {
                return new TlsAttempt(confirm, false, null, List.of(), e.toString());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("JDK TLS unavailable", e);
            }
        }
    }

    /**
     * Asks HYBRID, completes TLS and sends a TSRequest carrying an NTLM NEGOTIATE; returns the
     * server's NTLM CHALLENGE (what a credential-free NLA probe learns).
     */
    public static NtlmChallenge ntlmChallenge(int port, Duration timeout) throws IOException, MalformedPduException {
        try (Socket socket = connect(port, timeout)) {
            X224Confirm confirm = exchange(socket, 0x02);
            if (!(confirm instanceof X224Confirm.NegotiationResponse response) || response.selectedProtocol() != 0x02) {
                throw new IOException("server did not select HYBRID: " + confirm);
            }
            SSLSocket tls;
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new javax.net.ssl.TrustManager[] {new TrustAll()}, null);
                tls = (SSLSocket) context.getSocketFactory().createSocket(socket, "127.0.0.1", port, true);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("JDK TLS unavailable", e);
            }
            try (tls) {
                tls.setUseClientMode(true);
                tls.startHandshake();
                tls.getOutputStream().write(TsRequestCodec.encodeNegotiate(NtlmCodec.negotiate()));
                tls.getOutputStream().flush();
                byte[] answer = readDerElement(tls.getInputStream(), TsRequestCodec.MAX_TSREQUEST_LENGTH);
                TsRequestCodec.TsRequest request = TsRequestCodec.decode(answer);
                if (request.negoToken() == null) {
                    throw new IOException("TSRequest without negoToken, errorCode " + request.errorCode());
                }
                return NtlmCodec.decodeChallenge(request.negoToken());
            }
        }
    }

    /** Reads one DER TLV (tag, definite length up to {@code cap}) from the stream. */
    private static byte[] readDerElement(InputStream in, int cap) throws IOException {
        byte[] head = readFully(in, 2);
        int first = head[1] & 0xFF;
        int length;
        byte[] lengthBytes = new byte[0];
        if (first < 0x80) {
            length = first;
        } else {
            int count = first & 0x7F;
            if (count == 0 || count > 3) {
                throw new IOException("unsupported DER length form 0x" + Integer.toHexString(first));
            }
            lengthBytes = readFully(in, count);
            length = 0;
            for (byte b : lengthBytes) {
                length = length << 8 | b & 0xFF;
            }
        }
        if (length > cap) {
            throw new IOException("DER element of " + length + " bytes exceeds the cap of " + cap);
        }
        byte[] body = readFully(in, length);
        byte[] all = new byte[2 + lengthBytes.length + length];
        System.arraycopy(head, 0, all, 0, 2);
        System.arraycopy(lengthBytes, 0, all, 2, lengthBytes.length);
        System.arraycopy(body, 0, all, 2 + lengthBytes.length, length);
        return all;
    }

    private static Socket connect(int port, Duration timeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(LoopbackPorts.LOOPBACK, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static X224Confirm exchange(Socket socket, int requestedProtocols) throws IOException, MalformedPduException {
        socket.getOutputStream().write(X224Codec.connectionRequest(requestedProtocols, null));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        byte[] header = readFully(in, X224Codec.TPKT_HEADER_LENGTH);
        int length = X224Codec.tpktLength(header);
        byte[] pdu = new byte[length];
        System.arraycopy(header, 0, pdu, 0, header.length);
        byte[] rest = readFully(in, length - header.length);
        System.arraycopy(rest, 0, pdu, header.length, rest.length);
        return X224Codec.decodeConfirm(pdu);
    }

    private static byte[] readFully(InputStream in, int count) throws IOException {
        byte[] buffer = new byte[count];
        int done = 0;
        while (done < count) {
            int read;
            try {
                read = in.read(buffer, done, count - done);
            } catch (SocketTimeoutException e) {
                throw new SocketTimeoutException("read timed out after " + done + " of " + count + " bytes");
            }
            if (read < 0) {
                throw new java.io.EOFException("peer closed after " + done + " of " + count + " bytes");
            }
            done += read;
        }
        return buffer;
    }

    /** Accepts every server: the fixture must see weak, expired and mismatched certificates. */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) { }
        @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) { }
        @Override public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
