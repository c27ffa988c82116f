package io.rdphealth.testing.gateway;

import io.rdphealth.testing.MintedCertificate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * A STAND-IN for an RD Gateway, for tests only: no real RD Gateway (a Windows Server role) runs on
 * Linux, so this HTTPS server answers the MS-TSGU HTTP transport handshake the way the
 * specification describes and real gateways are reported to: {@code RDG_OUT_DATA} on
 * {@code /remoteDesktopGateway/} with an {@code RDG-Connection-Id} gets 401 with its
 * {@code WWW-Authenticate} schemes, or 200 (101 for the websocket variant) once the expected
 * credentials come; other paths or methods get 404. Other behaviours ({@link Behaviour}) give the
 * broken cases: 404 for everything, 500, closing right after the TLS handshake, silence, and
 * plaintext instead of TLS. It serves a certificate minted by {@code TestPki} with its chain, on a
 * free 127.0.0.1 port, and records the requests it received.
 *
 * <p>With an {@link NtlmStandIn}, it also answers NTLM as IIS does on one keep-alive connection:
 * {@code Authorization: NTLM|Negotiate <NEGOTIATE>} gets a 401 carrying the CHALLENGE (with a small
 * HTML body and its Content-Length, like IIS), and the AUTHENTICATE on the same connection gets
 * 200/101 when NTProofStr verifies, 401 otherwise. The {@code NTLM_*} behaviours answer the
 * credential-free request like a gateway but break the NTLM step in the ways a hostile or broken
 * gateway could.
 */
public final class FakeRdGateway implements AutoCloseable {

    /** How the stand-in answers. */
    public enum Behaviour {
        /** Like an RD Gateway: 401 with the configured schemes, 200/101 to the expected credentials. */
        GATEWAY,
        /** An HTTPS server without the RD Gateway role: 404 for everything. */
        NOT_FOUND,
        /** The gateway endpoint failing: 500 for everything. */
        SERVER_ERROR,
        /** Completes TLS, reads the request, closes without an answer. */
        CLOSE_AFTER_REQUEST,
        /** Completes TLS and never answers (until the client gives up). */
        SILENT,
        /** No TLS at all: a plaintext HTTP 400, as a misconfigured port would. */
        PLAINTEXT,
        /** Answers the NTLM NEGOTIATE with a token that is not base64. */
        NTLM_GARBAGE_TOKEN,
        /** Answers the NTLM NEGOTIATE with a 12 000-character token. */
        NTLM_OVERSIZED_TOKEN,
        /** Answers the NTLM NEGOTIATE with a CHALLENGE whose TargetInfo offset lies outside the message. */
        NTLM_BAD_OFFSETS,
        /** Closes the connection after reading the NTLM NEGOTIATE, without an answer. */
        NTLM_CLOSE_AFTER_NEGOTIATE
    }

    /** One request as received: method, path, headers (names lower-cased), and which accepted connection (1, 2, ...) carried it. */
    public record ReceivedRequest(String method, String path, Map<String, String> headers, int connection) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fake-rd-gateway");
        thread.setDaemon(true);
        return thread;
    });
    private final List<ReceivedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Behaviour behaviour;
    private final List<String> schemes;
    private final String acceptedAuthorization;
    private final NtlmStandIn ntlm;
    private final SecureRandom random = new SecureRandom();
    /** Connections accepted so far; only the accept thread writes it. */
    private int accepted;

    private FakeRdGateway(ServerSocket server, Behaviour behaviour, List<String> schemes, String acceptedAuthorization, NtlmStandIn ntlm) {
        this.server = server;
        this.behaviour = behaviour;
        this.schemes = List.copyOf(schemes);
        this.acceptedAuthorization = acceptedAuthorization;
        this.ntlm = ntlm;
        threads.execute(this::acceptLoop);
    }

    /** Starts the stand-in answering NTLM for the account of {@code ntlm} (schemes as for {@link #start}). */
    public static FakeRdGateway startNtlm(MintedCertificate certificate, Behaviour behaviour, List<String> schemes, NtlmStandIn ntlm) {
        return start(certificate, behaviour, schemes, null, ntlm);
    }

    /**
     * Starts the stand-in.
     *
     * @param certificate            what it serves (leaf and chain)
     * @param behaviour              how it answers
     * @param schemes                WWW-Authenticate values of its 401 (one header each), for {@link Behaviour#GATEWAY}
     * @param acceptedAuthorization  the Authorization value it accepts with 200/101, or {@code null} for none
     */
    public static FakeRdGateway start(MintedCertificate certificate, Behaviour behaviour, List<String> schemes, String acceptedAuthorization) {
        return start(certificate, behaviour, schemes, acceptedAuthorization, null);
    }

    private static FakeRdGateway start(MintedCertificate certificate, Behaviour behaviour, List<String> schemes, String acceptedAuthorization,
            NtlmStandIn ntlm) {
        try {
            ServerSocket socket;
            InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            if (behaviour == Behaviour.PLAINTEXT) {
                socket = new ServerSocket();
            } else {
                SSLServerSocket tls = (SSLServerSocket) context(certificate).getServerSocketFactory().createServerSocket();
                tls.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                socket = tls;
            }
            socket.bind(loopback, 16);
            return new FakeRdGateway(socket, behaviour, schemes, acceptedAuthorization, ntlm);
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot start the RD Gateway stand-in", e);
        }
    }

    private static SSLContext context(MintedCertificate certificate) throws IOException, java.security.GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        char[] password = "stand-in".toCharArray();
        keys.setKeyEntry("gateway", certificate.privateKey(), password, certificate.fullChain().toArray(new Certificate[0]));
        // SunX509 serves whatever it is given (expired, SHA-1, wrong host): the client must judge.
        KeyManagerFactory factory = KeyManagerFactory.getInstance("SunX509");
        factory.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The requests received so far, in order. */
    public List<ReceivedRequest> requests() {
        return List.copyOf(requests);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                int connection = ++accepted;
                open.add(socket);
                threads.execute(() -> serve(socket, connection));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket, int connection) {
        try (socket) {
            socket.setSoTimeout(10_000);
            if (behaviour == Behaviour.PLAINTEXT) {
                write(socket.getOutputStream(), "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                return;
            }
            ReceivedRequest request = read(socket.getInputStream(), connection);
            if (request == null) {
                return;
            }
            requests.add(request);
            switch (behaviour) {
                case NOT_FOUND -> write(socket.getOutputStream(), "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
                case SERVER_ERROR -> write(socket.getOutputStream(),
                        "HTTP/1.1 500 Internal Server Error\r\nServer: Microsoft-IIS/10.0\r\nContent-Length: 0\r\n\r\n");
                case CLOSE_AFTER_REQUEST -> {
                    // Close without an answer.
                }
                case SILENT -> socket.getInputStream().read(); // until the client closes or 10 s pass
                default -> {
                    // GATEWAY and the NTLM_* behaviours; NTLM keeps the connection for the AUTHENTICATE.
                    byte[] serverChallenge = new byte[8];
                    random.nextBytes(serverChallenge);
                    while (answerAsGateway(socket.getOutputStream(), request, serverChallenge)) {
                        request = read(socket.getInputStream(), connection);
                        if (request == null) {
                            return;
                        }
                        requests.add(request);
                    }
                }
            }
        } catch (IOException e) {
            // The client went away; nothing to serve.
        } finally {
            open.remove(socket);
        }
    }

    /** Answers one request; {@code true} when the connection stays open for the next (after a CHALLENGE). */
    private boolean answerAsGateway(OutputStream out, ReceivedRequest request, byte[] serverChallenge) throws IOException {
        String connectionId = request.header("RDG-Connection-Id");
        boolean valid = "RDG_OUT_DATA".equals(request.method()) && "/remoteDesktopGateway/".equals(request.path())
                && connectionId != null && connectionId.matches("\\{[0-9A-Fa-f-]{36}\\}");
        if (!valid) {
            write(out, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
            return false;
        }
        boolean websocket = "websocket".equalsIgnoreCase(request.header("Upgrade"));
        String authorization = request.header("Authorization");
        if (acceptedAuthorization != null && acceptedAuthorization.equals(authorization)) {
            writeAccepted(out, websocket);
            return false;
        }
        if (ntlm != null && authorization != null) {
            int space = authorization.indexOf(' ');
            String scheme = space < 0 ? authorization : authorization.substring(0, space);
            if (scheme.equalsIgnoreCase("NTLM") || scheme.equalsIgnoreCase("Negotiate")) {
                return answerNtlm(out, scheme, authorization.substring(space + 1), websocket, serverChallenge);
            }
        }
        StringBuilder answer = new StringBuilder("HTTP/1.1 401 Unauthorized\r\nServer: Microsoft-HTTPAPI/2.0\r\n");
        for (String scheme : schemes) {
            answer.append("WWW-Authenticate: ").append(scheme).append("\r\n");
        }
        write(out, answer.append("Content-Length: 0\r\n\r\n").toString());
        return false;
    }

    private static void writeAccepted(OutputStream out, boolean websocket) throws IOException {
        write(out, websocket
                ? "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"
                : "HTTP/1.1 200 OK\r\nServer: Microsoft-HTTPAPI/2.0\r\nTransfer-Encoding: chunked\r\n\r\n");
    }

    private boolean answerNtlm(OutputStream out, String scheme, String token, boolean websocket, byte[] serverChallenge) throws IOException {
        byte[] message;
        try {
            message = Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            write(out, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            return false;
        }
        if (message.length > 8 && message[8] == 3) {
            if (ntlm.verify(message, serverChallenge)) {
                writeAccepted(out, websocket);
            } else {
                write(out, "HTTP/1.1 401 Unauthorized\r\nServer: Microsoft-HTTPAPI/2.0\r\nWWW-Authenticate: " + scheme
                        + "\r\nContent-Length: 0\r\n\r\n");
            }
            return false;
        }
        String challenge = switch (behaviour) {
            case NTLM_GARBAGE_TOKEN -> "%%%not*base64%%%";
            case NTLM_OVERSIZED_TOKEN -> "T".repeat(12_000);
            case NTLM_BAD_OFFSETS -> Base64.getEncoder().encodeToString(NtlmStandIn.challenge(serverChallenge, 0xFFFF0000L));
            case NTLM_CLOSE_AFTER_NEGOTIATE -> null;
            default -> Base64.getEncoder().encodeToString(NtlmStandIn.challenge(serverChallenge, -1));
        };
        if (challenge == null) {
            return false; // close without an answer
        }
        String body = "<html><head><title>401 - Unauthorized</title></head><body>401 - Unauthorized: Access is denied.</body></html>";
        write(out, "HTTP/1.1 401 Unauthorized\r\nContent-Type: text/html\r\nServer: Microsoft-IIS/10.0\r\nWWW-Authenticate: " + scheme + " "
                + challenge + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        return true;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads one request head (bounded), or {@code null} when the client closed first. */
    private static ReceivedRequest read(InputStream in, int connection) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (head.size() < 16_384) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) {
                break;
            }
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] start = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        return new ReceivedRequest(start[0], start.length > 1 ? start[1] : "", headers, connection);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // Closing a listening socket cannot fail in a way a test cares about.
        }
        for (Socket socket : new ArrayList<>(open)) {
            try {
                socket.close();
            } catch (IOException e) {
                // Already gone.
            }
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
