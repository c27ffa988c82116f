package io.rdphealth.host.xrdp;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The parts of xrdp.ini that decide whether TLS works, read the way xrdp 0.9/0.10 reads them.
 *
 * @param listen          the first listener of {@code port}
 * @param securityLayer   {@code security_layer} (xrdp's default: negotiate)
 * @param certificate     the certificate file xrdp opens: {@code certificate}, or the default
 *                        {@code <cfg>/cert.pem} when empty or relative (xrdp ignores relative paths)
 * @param keyFile         the key file xrdp opens, same rules ({@code <cfg>/key.pem})
 * @param sslProtocols    {@code ssl_protocols} as written, {@code null} when absent
 * @param tlsCiphers      {@code tls_ciphers} as written, {@code null} when absent
 * @param runtimeUser     {@code runtime_user} (xrdp 0.10 drops privileges to it), {@code null} when absent
 * @param runtimeGroup    {@code runtime_group}, {@code null} when absent
 * @param logFile         [Logging] {@code LogFile}, absolute (xrdp puts relative names under /var/log)
 * @param notes           remarks on the reading (a relative path that xrdp replaces by its default)
 * @param lines           line number of each key read, for evidence ("xrdp.ini:12 certificate=...")
 */
public record XrdpConfig(
        ListenSpec listen,
        SecurityLayer securityLayer,
        Path certificate,
        Path keyFile,
        String sslProtocols,
        String tlsCiphers,
        String runtimeUser,
        String runtimeGroup,
        Path logFile,
        List<String> notes,
        Map<String, Integer> lines) {

    public XrdpConfig {
        notes = List.copyOf(notes);
        lines = Map.copyOf(lines);
    }

    /** {@code xrdp.ini:LINE key} when the key was read from a line, else {@code key (default)}. */
    public String where(String key) {
        Integer line = lines.get(key);
        return line == null ? key + " (default)" : "line " + line + " " + key;
    }
}
