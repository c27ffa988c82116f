package io.rdphealth.probe.gateway;

import io.rdphealth.evidence.CertificateEvidence;
import io.rdphealth.evidence.ExchangeFailure;
import io.rdphealth.evidence.FailureKind;
import io.rdphealth.evidence.GatewayAuthentication;
import io.rdphealth.evidence.GatewayEvidence;
import io.rdphealth.evidence.GatewayHandshake;
import io.rdphealth.evidence.GatewayNtlm;
import io.rdphealth.evidence.TlsEvidence;
import io.rdphealth.probe.cert.CertificateAnalyzer;
import io.rdphealth.probe.cert.TrustChecker;
import io.rdphealth.probe.net.Deadline;
import io.rdphealth.probe.net.FailureClassifier;
import io.rdphealth.probe.net.PeerConnection;
import io.rdphealth.probe.tls.TlsChannel;
import io.rdphealth.target.Target;
import io.rdphealth.wire.MalformedPduException;
import io.rdphealth.wire.RdgHttpCodec;
import io.rdphealth.wire.RdgHttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Probes an RD Gateway without credentials: TCP and TLS to its HTTPS port (the chain captured and
 * analysed like an RDP listener's), then the MS-TSGU HTTP transport handshake, an
 * {@code RDG_OUT_DATA} on {@code /remoteDesktopGateway/} with an {@code RDG-Connection-Id}, and the
 * same request asking for the websocket upgrade. A gateway answers 401 with the authentication
 * schemes it offers. When it offers NTLM or Negotiate, an NTLM NEGOTIATE on a further connection
 * gets its CHALLENGE (names, Windows version). With a password, the NTLMv2 AUTHENTICATE follows on
 * that same connection; Basic is used only when the gateway offers Basic alone; a token goes as
 * Bearer. Credentials never reach evidence or logs. Each step uses its own TLS connection.
 */
public final class GatewayProbe {
    public static final int DEFAULT_PORT = 443;
    static final String BASIC_WARNING = "Basic sends the password itself (base64, not hashed) inside TLS: whoever terminates the TLS "
            + "session (the gateway, a TLS-inspecting proxy or load balancer) reads it; prefer NTLM/Negotiate";

    private final GatewayProbeOptions options;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final CertificateAnalyzer analyzer;

    public GatewayProbe(GatewayProbeOptions options) {
        this(options, Clock.systemUTC());
    }

    public GatewayProbe(GatewayProbeOptions options, Clock clock) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.analyzer = new CertificateAnalyzer(new TrustChecker(options.trustStore()));
    }

    /** Parses {@code host[:port]} with the gateway's default port 443. */
    public static Target parseGateway(String text) {
        return Target.parse(text, DEFAULT_PORT);
    }

    public GatewayEvidence probe(Target gateway) {
        long start = System.nanoTime();
        Deadline deadline = Deadline.after(options.overallTimeout());
        InetAddress address;
        try {
            address = InetAddress.getByName(gateway.host());
        } catch (UnknownHostException e) {
            ExchangeFailure failure = new ExchangeFailure(FailureKind.DNS_UNRESOLVED, "'" + gateway.host() + "' does not resolve", millisSince(start));
            return new GatewayEvidence(gateway.input(), null, null, failure, null, null, null, null, null, null, null, 0, millisSince(start));
        }
        String hostHeader = hostHeader(gateway);
        int connections = 1;
        PeerConnection connection;
        long connectStart = System.nanoTime();
        try {
            connection = PeerConnection.open(address, gateway.port(), deadline, options.connectTimeout(), options.readTimeout());
        } catch (IOException e) {
            return new GatewayEvidence(gateway.input(), address.getHostAddress(), null,
                    FailureClassifier.connectFailure(e, millisSince(connectStart)), null, null, null, null, null, null, null, connections, millisSince(start));
        }
        TlsEvidence tls;
        CertificateEvidence certificate = null;
        GatewayHandshake http;
        try (connection) {
            long tlsStart = System.nanoTime();
            TlsChannel channel;
            try {
                channel = TlsChannel.handshake(connection, TlsChannel.allVersions(), gateway.host(), random);
            } catch (IOException | RuntimeException e) {
                ExchangeFailure failure = FailureClassifier.exchangeFailure(e, connection.in().received(), millisSince(tlsStart));
                tls = new TlsEvidence(null, null, millisSince(tlsStart), failure);
                return new GatewayEvidence(gateway.input(), address.getHostAddress(), connection.connectMillis(), null, tls, null,
                        null, null, null, null, null, connections, millisSince(start));
            }
            tls = new TlsEvidence(channel.result().version(), channel.result().cipherSuite(), channel.result().millis(), null);
            try {
                certificate = analyzer.analyze(channel.result().chain(), gateway.host(), clock.instant());
            } catch (CertificateException e) {
                // An undecodable chain leaves the certificate evidence empty; the TLS evidence still stands.
                certificate = null;
            }
            http = request(channel, connection, GatewayHandshake.Variant.HTTP, hostHeader, null, null);
        }
        GatewayHandshake websocket = null;
        if (options.websocket()) {
            connections++;
            websocket = onNewConnection(address, gateway, deadline, GatewayHandshake.Variant.WEBSOCKET, hostHeader, null, null);
        }
        String ntlmScheme = ntlmScheme(http, websocket);
        GatewayCredentials credentials = options.credentials();
        GatewayCredentials.Password password = credentials instanceof GatewayCredentials.Password p ? p : null;
        GatewayNtlm ntlm = null;
        GatewayHandshake authenticated = null;
        String warning = null;
        if (ntlmScheme != null) {
            connections++;
            GatewayNtlmExchange.Result result = ntlmOnNewConnection(address, gateway, deadline, hostHeader, ntlmScheme, password);
            ntlm = result.ntlm();
            authenticated = result.authenticated();
        }
        if (credentials instanceof GatewayCredentials.Token token) {
            connections++;
            authenticated = onNewConnection(address, gateway, deadline, GatewayHandshake.Variant.HTTP, hostHeader, "Bearer", bearer(token));
        } else if (password != null && ntlmScheme == null) {
            if (offersBasic(http) || offersBasic(websocket)) {
                connections++;
                warning = BASIC_WARNING;
                char[] secret = password.password();
                String authorization;
                try {
                    authorization = RdgHttpCodec.basicAuthorization(password.basicUser(), secret);
                } finally {
                    Arrays.fill(secret, '\0');
                }
                authenticated = onNewConnection(address, gateway, deadline, GatewayHandshake.Variant.HTTP, hostHeader, "Basic", authorization);
            } else {
                authenticated = GatewayHandshake.notSent(GatewayHandshake.Variant.HTTP, null,
                        "the gateway offers neither NTLM, Negotiate nor Basic: no scheme for a password");
            }
        }
        GatewayAuthentication authentication = authenticated == null ? null : GatewayAuthentication.of(authenticated, warning);
        return new GatewayEvidence(gateway.input(), address.getHostAddress(), connection.connectMillis(), null, tls, certificate,
                http, websocket, authenticated, ntlm, authentication, connections, millisSince(start));
    }

    /** NTLM when the gateway offers it, else Negotiate (which accepts a raw NTLM message), else {@code null}. */
    static String ntlmScheme(GatewayHandshake http, GatewayHandshake websocket) {
        for (String wanted : new String[] {"ntlm", "negotiate"}) {
            for (GatewayHandshake handshake : new GatewayHandshake[] {http, websocket}) {
                if (handshake != null && handshake.status() != null && handshake.status() == 401) {
                    for (String scheme : handshake.authSchemes()) {
                        if (scheme.toLowerCase(Locale.ROOT).equals(wanted)) {
                            return scheme;
                        }
                    }
                }
            }
        }
        return null;
    }

    private static String bearer(GatewayCredentials.Token token) {
        char[] value = token.token();
        try {
            return "Bearer " + new String(value);
        } finally {
            Arrays.fill(value, '\0');
        }
    }

    private static boolean offersBasic(GatewayHandshake handshake) {
        return handshake != null && handshake.authSchemes().stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).equals("basic"));
    }

    private GatewayNtlmExchange.Result ntlmOnNewConnection(InetAddress address, Target gateway, Deadline deadline, String hostHeader,
            String scheme, GatewayCredentials.Password password) {
        long start = System.nanoTime();
        if (deadline.expired()) {
            return failedNtlm(scheme, password, new ExchangeFailure(FailureKind.DEADLINE, "the probe's deadline passed before the NTLM request", 0),
                    start);
        }
        PeerConnection connection;
        try {
            connection = PeerConnection.open(address, gateway.port(), deadline, options.connectTimeout(), options.readTimeout());
        } catch (IOException e) {
            return failedNtlm(scheme, password, FailureClassifier.connectFailure(e, millisSince(start)), start);
        }
        try (connection) {
            TlsChannel channel = TlsChannel.handshake(connection, TlsChannel.allVersions(), gateway.host(), random);
            return new GatewayNtlmExchange(random, clock).run(channel, hostHeader, scheme, password);
        } catch (IOException | RuntimeException e) {
            return failedNtlm(scheme, password, FailureClassifier.exchangeFailure(e, connection.in().received(), millisSince(start)), start);
        }
    }

    private static GatewayNtlmExchange.Result failedNtlm(String scheme, GatewayCredentials.Password password, ExchangeFailure failure,
            long start) {
        GatewayHandshake negotiate = new GatewayHandshake(GatewayHandshake.Variant.HTTP, scheme, null, null, List.of(), null, failure, null,
                millisSince(start));
        return new GatewayNtlmExchange.Result(new GatewayNtlm(scheme, negotiate, null, failure), password == null ? null
                : GatewayHandshake.notSent(GatewayHandshake.Variant.HTTP, scheme, "no NTLM CHALLENGE: " + failure.detail()));
    }

    private GatewayHandshake onNewConnection(InetAddress address, Target gateway, Deadline deadline, GatewayHandshake.Variant variant,
            String hostHeader, String scheme, String authorization) {
        long start = System.nanoTime();
        if (deadline.expired()) {
            return new GatewayHandshake(variant, scheme, null, null, List.of(), null,
                    new ExchangeFailure(FailureKind.DEADLINE, "the probe's deadline passed before this request", 0), null, 0);
        }
        PeerConnection connection;
        try {
            connection = PeerConnection.open(address, gateway.port(), deadline, options.connectTimeout(), options.readTimeout());
        } catch (IOException e) {
            return new GatewayHandshake(variant, scheme, null, null, List.of(), null,
                    FailureClassifier.connectFailure(e, millisSince(start)), null, millisSince(start));
        }
        try (connection) {
            TlsChannel channel = TlsChannel.handshake(connection, TlsChannel.allVersions(), gateway.host(), random);
            return request(channel, connection, variant, hostHeader, scheme, authorization);
        } catch (IOException | RuntimeException e) {
            return new GatewayHandshake(variant, scheme, null, null, List.of(), null,
                    FailureClassifier.exchangeFailure(e, connection.in().received(), millisSince(start)), null, millisSince(start));
        }
    }

    private GatewayHandshake request(TlsChannel channel, PeerConnection connection, GatewayHandshake.Variant variant,
            String hostHeader, String scheme, String authorization) {
        long start = System.nanoTime();
        String websocketKey = null;
        if (variant == GatewayHandshake.Variant.WEBSOCKET) {
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            websocketKey = Base64.getEncoder().encodeToString(nonce);
        }
        String connectionId = "{" + UUID.randomUUID().toString().toUpperCase(Locale.ROOT) + "}";
        // Only HTTP bytes count: a gateway that sends nothing after the handshake (a TLS 1.3
        // session ticket at most) is silent, not stalled.
        int[] httpBytes = {0};
        try {
            channel.out().write(RdgHttpCodec.outChannelRequest(hostHeader, connectionId, authorization, websocketKey));
            channel.out().flush();
            RdgHttpResponse response = readHead(channel.in(), httpBytes);
            return new GatewayHandshake(variant, scheme, response.status(), response.reason(), response.authSchemes(),
                    response.header("Server").orElse(null), null, null, millisSince(start));
        } catch (IOException | MalformedPduException | RuntimeException e) {
            return new GatewayHandshake(variant, scheme, null, null, List.of(), null,
                    FailureClassifier.exchangeFailure(e, httpBytes[0], millisSince(start)), null, millisSince(start));
        }
    }

    /** Reads up to the blank line that ends the head: never more than {@link RdgHttpCodec#MAX_HEAD_BYTES}. */
    static RdgHttpResponse readHead(InputStream in, int[] received) throws IOException, MalformedPduException {
        byte[] buffer = new byte[RdgHttpCodec.MAX_HEAD_BYTES];
        int filled = 0;
        while (true) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                throw new java.io.EOFException("the gateway closed the connection after " + filled + " bytes of the HTTP head");
            }
            filled += n;
            received[0] = filled;
            if (RdgHttpCodec.endOfHead(buffer, filled) > 0) {
                return RdgHttpCodec.parseHead(buffer, filled);
            }
        }
    }

    private static String hostHeader(Target gateway) {
        String host = gateway.isIpv6Literal() ? "[" + gateway.host() + "]" : gateway.host();
        return gateway.port() == DEFAULT_PORT ? host : host + ":" + gateway.port();
    }

    private static double millisSince(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e4) / 100.0;
    }
}
