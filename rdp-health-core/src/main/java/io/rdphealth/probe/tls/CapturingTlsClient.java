package io.rdphealth.probe.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Vector;
import java.util.stream.IntStream;
import org.bouncycastle.tls.CertificateStatusRequest;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.NameType;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.crypto.TlsCrypto;
import org.bouncycastle.tls.crypto.TlsCertificate;

/**
 * A BouncyCastle low-level TLS client that offers exactly the given versions, captures the
 * server's chain without judging it (expired, SHA-1, 1024-bit: all captured) and records what was
 * negotiated. It changes no JVM-wide setting: {@code jdk.tls.disabledAlgorithms} does not apply
 * to this API, which is why TLS 1.0/1.1 can be tested from inside Jenkins.
 */
final class CapturingTlsClient extends DefaultTlsClient {
    /** Older suites some RDP servers still need; appended to BouncyCastle's defaults when supported. */
    private static final int[] LEGACY_SUITES = {
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
        CipherSuite.TLS_RSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_RSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA256,
        CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_RSA_WITH_AES_256_CBC_SHA,
        CipherSuite.TLS_RSA_WITH_3DES_EDE_CBC_SHA,
    };

    private final ProtocolVersion[] versions;
    private final String sniHostName;
    private final boolean stopAfterServerHello;
    private final List<byte[]> chain = new ArrayList<>();
    private ProtocolVersion negotiatedVersion;
    private int cipherSuite = -1;

    CapturingTlsClient(TlsCrypto crypto, ProtocolVersion[] versions, String sniHostName) {
        this(crypto, versions, sniHostName, false);
    }

    /**
     * @param stopAfterServerHello end the handshake (with a fatal user_canceled alert) as soon as
     *        the server's hello has named the version, by throwing {@link ServerHelloReceived}
     */
    CapturingTlsClient(TlsCrypto crypto, ProtocolVersion[] versions, String sniHostName, boolean stopAfterServerHello) {
        super(crypto);
        this.versions = versions.clone();
        this.sniHostName = sniHostName;
        this.stopAfterServerHello = stopAfterServerHello;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return versions.clone();
    }

    /**
     * BouncyCastle's defaults plus {@link #LEGACY_SUITES}, as far as its own crypto supports them:
     * the same for every handshake, so worked out once (asking the crypto per suite and handshake
     * was about 3 % of a fleet run's CPU).
     */
    private static final int[] SUITES = supportedSuites();

    private static int[] supportedSuites() {
        BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
        int[] defaults = new DefaultTlsClient(crypto) {
            @Override
            public TlsAuthentication getAuthentication() {
                throw new UnsupportedOperationException("only asked for its cipher suites");
            }

            int[] defaultSuites() {
                return super.getSupportedCipherSuites();
            }
        }.defaultSuites();
        int[] legacy = TlsUtils.getSupportedCipherSuites(crypto, LEGACY_SUITES);
        return IntStream.concat(Arrays.stream(defaults), Arrays.stream(legacy)).distinct().toArray();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return SUITES.clone();
    }

    /** No OCSP stapling request: the probe does not check revocation, and building it cost CPU per handshake. */
    @Override
    protected CertificateStatusRequest getCertificateStatusRequest() {
        return null;
    }

    @Override
    protected Vector getMultiCertStatusRequest() {
        return null;
    }

    @Override
    protected Vector<ServerName> getSNIServerNames() {
        if (sniHostName == null) {
            return null;
        }
        Vector<ServerName> names = new Vector<>();
        names.add(new ServerName(NameType.host_name, sniHostName.getBytes(StandardCharsets.US_ASCII)));
        return names;
    }

    /** The probe judges certificates itself; the handshake must not fail on a weak signature. */
    @Override
    public boolean shouldCheckSigAlgOfPeerCerts() {
        return false;
    }

    @Override
    public void notifyServerVersion(ProtocolVersion serverVersion) throws IOException {
        super.notifyServerVersion(serverVersion);
        negotiatedVersion = serverVersion;
        if (stopAfterServerHello) {
            // Called while the ServerHello is processed: the server has chosen this version (and a
            // suite); nothing after it changes that answer.
            throw new ServerHelloReceived(serverVersion);
        }
    }

    @Override
    public void notifySelectedCipherSuite(int selectedCipherSuite) {
        super.notifySelectedCipherSuite(selectedCipherSuite);
        cipherSuite = selectedCipherSuite;
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                chain.clear();
                for (TlsCertificate certificate : serverCertificate.getCertificate().getCertificateList()) {
                    chain.add(certificate.getEncoded());
                }
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) {
                return null;
            }
        };
    }

    List<byte[]> chain() {
        return List.copyOf(chain);
    }

    ProtocolVersion negotiatedVersion() {
        return negotiatedVersion;
    }

    int cipherSuite() {
        return cipherSuite;
    }
}
