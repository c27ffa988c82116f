package io.rdphealth.host.xrdp;

import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.evidence.TlsVersion;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything the xrdp inspection read from the host, before any judgement.
 *
 * @param target             the name findings carry ({@code host:port}, to be joined with the wire probe)
 * @param iniPath            the xrdp.ini read
 * @param parse              the parse result ({@code null} when the file could not be read)
 * @param iniProblem         why the file could not be read, or {@code null}
 * @param identity           the runtime identity ({@code null} when the config is unusable)
 * @param certificateFile    the certificate file ({@code null} when the config is unusable)
 * @param keyFile            the key file
 * @param certificate        the leaf certificate, decoded; {@code null} when it could not be
 * @param chainLength        certificates in the file
 * @param certificateProblem why the certificate file holds no usable certificate, or {@code null}
 * @param keyDescription     e.g. {@code RSA 2048}, {@code null} when unreadable
 * @param keyProblem         why the key file holds no usable key, or {@code null}
 * @param pairMatches        whether key and certificate belong together; {@code null} when not both were read
 * @param listener           who listens on the port
 * @param protocols          TLS versions xrdp enables
 * @param ciphers            the tls_ciphers check, {@code null} when tls_ciphers is unset or not checkable
 * @param logLines           recent relevant lines of the xrdp log (oldest first)
 * @param logProblem         why the log could not be read, or {@code null}
 * @param checkedAt          the instant validity refers to
 */
public record XrdpHostFacts(
        String target,
        Path iniPath,
        XrdpIniParse parse,
        String iniProblem,
        RuntimeIdentity identity,
        FileFacts certificateFile,
        FileFacts keyFile,
        CertificateInfo certificate,
        int chainLength,
        String certificateProblem,
        String keyDescription,
        String keyProblem,
        Boolean pairMatches,
        ListenerFacts listener,
        Set<TlsVersion> protocols,
        CipherListCheck.Result ciphers,
        List<String> logLines,
        String logProblem,
        Instant checkedAt) {

    public XrdpHostFacts {
        logLines = logLines == null ? List.of() : List.copyOf(logLines);
        protocols = protocols == null ? Set.of() : Set.copyOf(protocols);
    }

    /** The parsed config, or {@code null} when the file was unreadable or invalid. */
    public XrdpConfig config() {
        return parse instanceof XrdpIniParse.Parsed parsed ? parsed.config() : null;
    }

    /** Whether certificate and key are both present, parsed, matching and readable by xrdp. */
    public boolean pairUsable() {
        return certificate != null && keyDescription != null && Boolean.TRUE.equals(pairMatches)
                && certificateFile != null && certificateFile.readable() && keyFile != null && keyFile.readable();
    }
}
