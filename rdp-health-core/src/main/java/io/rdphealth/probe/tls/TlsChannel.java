package io.rdphealth.probe.tls;

import io.rdphealth.evidence.TlsVersion;
import io.rdphealth.probe.net.PeerConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.IDN;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsClientProtocol;

/**
 * TLS over an open probe connection, with BouncyCastle's low-level API (see
 * {@link CapturingTlsClient} for why). Reads go through the connection's deadline-bounded stream,
 * so a stalled handshake ends at the deadline.
 */
public final class TlsChannel {
    private final TlsClientProtocol protocol;
    private final TlsHandshakeResult result;

    private TlsChannel(TlsClientProtocol protocol, TlsHandshakeResult result) {
        this.protocol = protocol;
        this.result = result;
    }

    /**
     * Runs the handshake offering {@code versions}.
     *
     * @param serverName the name the client uses; sent as SNI only when it is a host name, never an IP literal
     */
    public static TlsChannel handshake(PeerConnection connection, Set<TlsVersion> versions, String serverName,
            SecureRandom random) throws IOException {
        long start = System.nanoTime();
        TlsClientProtocol protocol = new TlsClientProtocol(connection.in(), connection.out());
        CapturingTlsClient client = new CapturingTlsClient(new ProbeTlsCrypto(random), toBc(versions), sniName(serverName));
        protocol.connect(client);
        double millis = Math.round((System.nanoTime() - start) / 1e4) / 100.0;
        TlsHandshakeResult result = new TlsHandshakeResult(fromBc(client.negotiatedVersion()),
                CipherSuiteNames.name(client.cipherSuite()), client.chain(), millis);
        return new TlsChannel(protocol, result);
    }

    /**
     * Asks for a handshake offering {@code versions} and stops as soon as the server's hello
     * names the version it chose (a version scan needs no more): no key exchange, one round trip.
     *
     * @return the version the server chose
     * @throws IOException when the server refuses (an alert, a closed connection) or the deadline passes
     */
    public static TlsVersion serverHelloVersion(PeerConnection connection, Set<TlsVersion> versions, String serverName,
            SecureRandom random) throws IOException {
        TlsClientProtocol protocol = new TlsClientProtocol(connection.in(), connection.out());
        CapturingTlsClient client = new CapturingTlsClient(new ProbeTlsCrypto(random), toBc(versions), sniName(serverName), true);
        try {
            protocol.connect(client);
        } catch (ServerHelloReceived stopped) {
            return fromBc(stopped.version());
        }
        // Not reached with a conforming BouncyCastle: the hello always comes before the handshake ends.
        return fromBc(client.negotiatedVersion());
    }

    public static Set<TlsVersion> allVersions() {
        return EnumSet.allOf(TlsVersion.class);
    }

    public TlsHandshakeResult result() {
        return result;
    }

    public InputStream in() {
        return protocol.getInputStream();
    }

    public OutputStream out() {
        return protocol.getOutputStream();
    }

    private static ProtocolVersion[] toBc(Set<TlsVersion> versions) {
        // Highest first, as BouncyCastle expects.
        List<ProtocolVersion> out = new ArrayList<>(4);
        for (TlsVersion version : List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2, TlsVersion.TLS_1_1, TlsVersion.TLS_1_0)) {
            if (versions.contains(version)) {
                out.add(switch (version) {
                    case TLS_1_0 -> ProtocolVersion.TLSv10;
                    case TLS_1_1 -> ProtocolVersion.TLSv11;
                    case TLS_1_2 -> ProtocolVersion.TLSv12;
                    case TLS_1_3 -> ProtocolVersion.TLSv13;
                });
            }
        }
        return out.toArray(new ProtocolVersion[0]);
    }

    private static TlsVersion fromBc(ProtocolVersion version) {
        if (ProtocolVersion.TLSv13.equals(version)) {
            return TlsVersion.TLS_1_3;
        }
        if (ProtocolVersion.TLSv12.equals(version)) {
            return TlsVersion.TLS_1_2;
        }
        if (ProtocolVersion.TLSv11.equals(version)) {
            return TlsVersion.TLS_1_1;
        }
        if (ProtocolVersion.TLSv10.equals(version)) {
            return TlsVersion.TLS_1_0;
        }
        return null;
    }

    /** SNI carries host names only (RFC 6066): never an IPv4/IPv6 literal. */
    static String sniName(String serverName) {
        if (serverName == null || serverName.isEmpty() || serverName.indexOf(':') >= 0
                || serverName.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
            return null;
        }
        String name = serverName.endsWith(".") ? serverName.substring(0, serverName.length() - 1) : serverName;
        try {
            return IDN.toASCII(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
