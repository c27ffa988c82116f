package io.rdphealth.fuzz;

import io.rdphealth.check.RdpHealthCheck;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.probe.ProbeOptions;
import io.rdphealth.report.ReportJson;
import io.rdphealth.target.Target;
import io.rdphealth.testing.CertificateSpec;
import io.rdphealth.testing.LoopbackPorts;
import io.rdphealth.testing.ShadowServer;
import io.rdphealth.testing.TestPki;
import io.rdphealth.testing.XrdpServer;
import io.rdphealth.testing.gateway.FakeRdGateway;
import io.rdphealth.wire.NtlmCodec;
import io.rdphealth.wire.RdgHttpCodec;
import io.rdphealth.wire.SecurityProtocol;
import io.rdphealth.wire.TsRequestCodec;
import io.rdphealth.wire.X224Codec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Records the seed corpora of the fuzz tests from real peers: X.224 confirms from xrdp 0.9.21
 * (negotiate / tls / rdp layers, missing key) and freerdp-shadow-cli 2.11 (nla / tls / rdp), the
 * TSRequest carrying shadow's NTLM CHALLENGE and the CHALLENGE itself, xrdp.ini files (the Debian
 * package's and the fixture's), a JSON report of a real probe. RD Gateway heads come from the
 * in-JVM stand-in {@link FakeRdGateway} (no real gateway runs on Linux). Run once by hand; the
 * files are committed under {@code src/test/resources/io/rdphealth/fuzz/}:
 *
 * <pre>mvn -q -o -pl rdp-health-core test-compile exec:java -Dexec.mainClass=io.rdphealth.fuzz.SeedCapture \
 *     -Dexec.classpathScope=test -Dexec.args=rdp-health-core/src/test/resources/io/rdphealth/fuzz</pre>
 */
public final class SeedCapture {
    private SeedCapture() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "src/test/resources/io/rdphealth/fuzz");
        Path confirms = Files.createDirectories(root.resolve("X224ConfirmFuzzTestInputs"));
        Path tsRequests = Files.createDirectories(root.resolve("TsRequestFuzzTestInputs"));
        Path challenges = Files.createDirectories(root.resolve("NtlmChallengeFuzzTestInputs"));
        Path inis = Files.createDirectories(root.resolve("XrdpIniFuzzTestInputs"));
        Path reports = Files.createDirectories(root.resolve("ReportJsonFuzzTestInputs"));
        Path gateways = Files.createDirectories(root.resolve("RdgHttpResponseFuzzTestInputs"));
        int[] asks = {SecurityProtocol.RDP.bit(), SecurityProtocol.SSL.bit(), SecurityProtocol.HYBRID.bit(), 0x0B};

        for (XrdpServer.SecurityLayer layer : XrdpServer.SecurityLayer.values()) {
            try (XrdpServer xrdp = XrdpServer.builder().securityLayer(layer).start()) {
                for (int ask : asks) {
                    Files.write(confirms.resolve("xrdp-" + layer.iniValue() + "-ask-" + ask + ".bin"), confirm(xrdp.port(), ask));
                }
                Files.writeString(inis.resolve("fixture-" + layer.iniValue() + ".ini"), Files.readString(xrdp.iniFile()));
                if (layer == XrdpServer.SecurityLayer.NEGOTIATE) {
                    Files.write(confirms.resolve("xrdp-legacy-no-neg-req.bin"), legacyConfirm(xrdp.port()));
                    ReportJson json = new ReportJson();
                    String report = json.write(new RdpHealthCheck(ProbeOptions.defaults(), SeverityPolicy.defaults())
                            .run(List.of(Target.of("127.0.0.1", xrdp.port()), Target.of("127.0.0.1", LoopbackPorts.freePort()))));
                    Files.writeString(reports.resolve("xrdp-negotiate-and-refused.json"), report);
                }
            }
        }
        try (XrdpServer xrdp = XrdpServer.builder().securityLayer(XrdpServer.SecurityLayer.TLS)
                .certificate(TestPki.selfSigned(CertificateSpec.valid())).start()) {
            Files.delete(xrdp.keyFile());
            Files.write(confirms.resolve("xrdp-tls-key-missing-ask-1.bin"), confirm(xrdp.port(), SecurityProtocol.SSL.bit()));
        }
        Files.writeString(inis.resolve("debian-xrdp-0.9.21.ini"), Files.readString(Path.of("/etc/xrdp/xrdp.ini")));

        for (ShadowServer.Security security : ShadowServer.Security.values()) {
            try (ShadowServer shadow = ShadowServer.builder().security(security).start()) {
                String name = security.name().toLowerCase(java.util.Locale.ROOT);
                for (int ask : asks) {
                    Files.write(confirms.resolve("shadow-" + name + "-ask-" + ask + ".bin"), confirm(shadow.port(), ask));
                }
                if (security == ShadowServer.Security.NLA) {
                    byte[] tsRequest = tsRequestAnswer(shadow.port());
                    Files.write(tsRequests.resolve("shadow-nla-challenge.der"), tsRequest);
                    Files.write(challenges.resolve("shadow-nla-challenge.ntlm"), TsRequestCodec.decode(tsRequest).negoToken());
                }
            }
        }

        try (FakeRdGateway gateway = FakeRdGateway.start(TestPki.selfSigned(CertificateSpec.valid()),
                FakeRdGateway.Behaviour.GATEWAY, List.of("Negotiate", "NTLM", "Basic realm=\"rdg\""), null)) {
            Files.write(gateways.resolve("stand-in-401.http"), gatewayHead(gateway.port()));
        }
        for (FakeRdGateway.Behaviour behaviour : List.of(FakeRdGateway.Behaviour.NOT_FOUND, FakeRdGateway.Behaviour.SERVER_ERROR)) {
            try (FakeRdGateway gateway = FakeRdGateway.start(TestPki.selfSigned(CertificateSpec.valid()), behaviour, List.of(), null)) {
                Files.write(gateways.resolve("stand-in-" + behaviour.name().toLowerCase(java.util.Locale.ROOT) + ".http"),
                        gatewayHead(gateway.port()));
            }
        }
        System.out.println("seeds written under " + root.toAbsolutePath());
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(LoopbackPorts.LOOPBACK, port), 5000);
        socket.setSoTimeout(5000);
        return socket;
    }

    /** The raw confirm PDU (TPKT header included) answering a request for {@code protocols}. */
    private static byte[] confirm(int port, int protocols) throws IOException {
        try (Socket socket = connect(port)) {
            return exchange(socket, X224Codec.connectionRequest(protocols, null));
        }
    }

    /** A Connection Request without RDP_NEG_REQ: the 11-byte legacy confirm. */
    private static byte[] legacyConfirm(int port) throws IOException {
        byte[] request = {0x03, 0x00, 0x00, 0x0B, 0x06, (byte) 0xE0, 0, 0, 0, 0, 0};
        try (Socket socket = connect(port)) {
            return exchange(socket, request);
        }
    }

    private static byte[] exchange(Socket socket, byte[] request) throws IOException {
        socket.getOutputStream().write(request);
        InputStream in = socket.getInputStream();
        byte[] header = in.readNBytes(4);
        int length = (header[2] & 0xFF) << 8 | header[3] & 0xFF;
        byte[] rest = in.readNBytes(Math.min(512, Math.max(0, length - 4)));
        byte[] pdu = Arrays.copyOf(header, header.length + rest.length);
        System.arraycopy(rest, 0, pdu, header.length, rest.length);
        return pdu;
    }

    /** X.224 asking HYBRID, JDK TLS, a TSRequest with NTLM NEGOTIATE; the raw DER answer. */
    private static byte[] tsRequestAnswer(int port) throws IOException, GeneralSecurityException {
        try (Socket socket = connect(port)) {
            exchange(socket, X224Codec.connectionRequest(SecurityProtocol.HYBRID.bit() | SecurityProtocol.SSL.bit(), null));
            try (SSLSocket tls = (SSLSocket) trustAll().getSocketFactory().createSocket(socket, "127.0.0.1", port, true)) {
                tls.setUseClientMode(true);
                tls.startHandshake();
                tls.getOutputStream().write(TsRequestCodec.encodeNegotiate(NtlmCodec.negotiate()));
                tls.getOutputStream().flush();
                InputStream in = tls.getInputStream();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int first = in.read();
                int lengthByte = in.read();
                out.write(first);
                out.write(lengthByte);
                int length = lengthByte;
                if (lengthByte >= 0x80) {
                    length = 0;
                    for (int i = 0; i < (lengthByte & 0x7F); i++) {
                        int b = in.read();
                        out.write(b);
                        length = length << 8 | b;
                    }
                }
                out.write(in.readNBytes(Math.min(length, TsRequestCodec.MAX_TSREQUEST_LENGTH)));
                return out.toByteArray();
            }
        }
    }

    /** The HTTP head the stand-in answers to an RDG_OUT_DATA request. */
    private static byte[] gatewayHead(int port) throws IOException, GeneralSecurityException {
        try (Socket socket = connect(port);
                SSLSocket tls = (SSLSocket) trustAll().getSocketFactory().createSocket(socket, "127.0.0.1", port, true)) {
            tls.setUseClientMode(true);
            tls.getOutputStream().write(RdgHttpCodec.outChannelRequest("127.0.0.1", "{00000000-0000-0000-0000-000000000001}", null, null));
            tls.getOutputStream().flush();
            InputStream in = tls.getInputStream();
            byte[] buffer = new byte[RdgHttpCodec.MAX_HEAD_BYTES];
            int length = 0;
            while (length < buffer.length) {
                int read = in.read(buffer, length, buffer.length - length);
                if (read < 0) {
                    break;
                }
                length += read;
                if (new String(buffer, 0, length, StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                    break;
                }
            }
            return Arrays.copyOf(buffer, length);
        }
    }

    private static SSLContext trustAll() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType) { }
            @Override public void checkServerTrusted(X509Certificate[] chain, String authType) { }
            @Override public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return context;
    }
}
