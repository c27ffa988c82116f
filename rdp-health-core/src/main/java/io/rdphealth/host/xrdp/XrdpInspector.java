package io.rdphealth.host.xrdp;

import io.rdphealth.probe.cert.CertificateDecoder;
import io.rdphealth.cert.KeyMaterial;
import io.rdphealth.cert.PemCodec;
import io.rdphealth.cert.PemFormatException;
import io.rdphealth.evidence.CertificateInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/**
 * Reads an xrdp host's state: xrdp.ini, the runtime identity, the certificate and key files (links
 * followed, ownership, whether xrdp can read them, whether they match, validity), the listener
 * and the recent log lines. It changes nothing and works without xrdp running; the findings come
 * from {@link XrdpFindingRules}.
 */
public final class XrdpInspector {
    public static final Path DEFAULT_INI = Path.of("/etc/xrdp/xrdp.ini");
    private static final int LOG_TAIL_BYTES = 256 * 1024;
    private static final int LOG_LINES = 15;

    private final HostPaths paths;
    private final CipherListCheck cipherCheck;
    private final Clock clock;

    public XrdpInspector(HostPaths paths, CipherListCheck cipherCheck, Clock clock) {
        this.paths = paths;
        this.cipherCheck = cipherCheck;
        this.clock = clock;
    }

    public XrdpInspector() {
        this(HostPaths.system(), new OpenSslCipherCheck(), Clock.systemUTC());
    }

    /**
     * @param iniPath the xrdp.ini to read
     * @param target  the name findings carry; {@code null} for {@code <hostname>:<port>}
     */
    public XrdpHostFacts inspect(Path iniPath, String target) {
        String text;
        try {
            text = BoundedFiles.read(iniPath, XrdpIniParser.MAX_CHARS);
        } catch (NoSuchFileException e) {
            return unusable(iniPath, target, null, iniPath + " does not exist");
        } catch (IOException e) {
            return unusable(iniPath, target, null, "cannot read " + iniPath + ": " + e.getMessage());
        }
        XrdpIniParse parse = XrdpIniParser.parse(text, paths.configDir());
        if (!(parse instanceof XrdpIniParse.Parsed parsed)) {
            return unusable(iniPath, target, parse, null);
        }
        XrdpConfig config = parsed.config();
        String name = target != null ? target : hostName() + ":" + (config.listen().isTcp() ? config.listen().port() : 0);
        ListenerFacts listener = ListenerScan.scan(paths.proc(), config.listen());
        RuntimeIdentityResolver resolver = new RuntimeIdentityResolver(paths);
        UnixAccounts accounts = resolver.accounts();
        RuntimeIdentity identity = resolver.resolve(config, listener, accounts);
        FileFacts certificateFile = FileAccessCheck.inspect(config.certificate(), identity, accounts);
        FileFacts keyFile = FileAccessCheck.inspect(config.keyFile(), identity, accounts);

        CertificateInfo certificate = null;
        X509Certificate leaf = null;
        int chainLength = 0;
        String certificateProblem = null;
        if (certificateFile.exists()) {
            try {
                List<X509Certificate> chain = PemCodec.certificates(BoundedFiles.read(certificateFile.resolved(),
                        PemCodec.MAX_PEM_CHARS));
                leaf = chain.get(0);
                chainLength = chain.size();
                certificate = new CertificateDecoder().describe(leaf);
            } catch (IOException | PemFormatException | java.security.cert.CertificateException e) {
                certificateProblem = certificateFile.resolved() + ": " + e.getMessage();
            }
        }
        PrivateKey key = null;
        String keyDescription = null;
        String keyProblem = null;
        if (keyFile.exists()) {
            try {
                key = PemCodec.privateKey(BoundedFiles.read(keyFile.resolved(), PemCodec.MAX_PEM_CHARS));
                keyDescription = key.getAlgorithm();
            } catch (IOException | PemFormatException e) {
                keyProblem = keyFile.resolved() + ": " + e.getMessage();
            }
        }
        Boolean matches = key != null && leaf != null ? KeyMaterial.matches(key, leaf.getPublicKey()) : null;
        if (key != null && leaf != null && Boolean.TRUE.equals(matches)) {
            keyDescription = certificate.keyAlgorithm() + " " + certificate.keyBits();
        }

        CipherListCheck.Result ciphers = config.tlsCiphers() == null ? null : cipherCheck.check(config.tlsCiphers());
        List<String> logLines = List.of();
        String logProblem = null;
        try {
            if (Files.exists(config.logFile())) {
                logLines = XrdpLogFilter.relevant(BoundedFiles.tail(config.logFile(), LOG_TAIL_BYTES), LOG_LINES);
            } else {
                logProblem = config.logFile() + " does not exist";
            }
        } catch (IOException e) {
            logProblem = "cannot read " + config.logFile() + ": " + e.getMessage();
        }
        return new XrdpHostFacts(name, iniPath, parse, null, identity, certificateFile, keyFile, certificate,
                chainLength, certificateProblem, keyDescription, keyProblem, matches, listener,
                TlsProtocols.enabled(config.sslProtocols()), ciphers, logLines, logProblem, clock.instant());
    }

    private XrdpHostFacts unusable(Path iniPath, String target, XrdpIniParse parse, String problem) {
        String name = target != null ? target : hostName();
        return new XrdpHostFacts(name, iniPath, parse, problem, null, null, null, null, 0, null, null, null, null,
                null, null, null, List.of(), null, clock.instant());
    }

    /** The kernel's host name (no DNS lookup: inspection must not hang on a resolver). */
    private String hostName() {
        try {
            return BoundedFiles.read(paths.proc().resolve("sys/kernel/hostname"), 256).strip();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
