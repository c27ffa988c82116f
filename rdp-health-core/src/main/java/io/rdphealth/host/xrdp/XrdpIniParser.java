package io.rdphealth.host.xrdp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses xrdp.ini text: a pure function (no I/O), so a fuzzer can drive it. Accepts what xrdp's
 * own reader accepts (sections, {@code key=value}, {@code #}/{@code ;} comments, case-insensitive
 * keys) and rejects lines xrdp would silently skip, naming the line: a silently skipped line is
 * how a setting that looks configured is not.
 */
public final class XrdpIniParser {
    /** xrdp's compiled-in configuration directory on Debian ({@code XRDP_CFG_PATH}). */
    public static final Path DEFAULT_CONFIG_DIR = Path.of("/etc/xrdp");
    /** xrdp's log directory for relative LogFile names ({@code XRDP_LOG_PATH}). */
    public static final Path DEFAULT_LOG_DIR = Path.of("/var/log");
    /** Larger than any real xrdp.ini (about 10 KB); callers read at most this much. */
    public static final int MAX_CHARS = 1024 * 1024;

    private XrdpIniParser() {
    }

    public static XrdpIniParse parse(String text) {
        return parse(text, DEFAULT_CONFIG_DIR);
    }

    /**
     * @param text      the file's content
     * @param configDir xrdp's compiled-in configuration directory (defaults for certificate and key)
     */
    public static XrdpIniParse parse(String text, Path configDir) {
        if (text.length() > MAX_CHARS) {
            return new XrdpIniParse.Invalid(0, "larger than " + MAX_CHARS + " characters: not an xrdp.ini");
        }
        Map<String, String> globals = new HashMap<>();
        Map<String, String> logging = new HashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        boolean sawGlobals = false;
        String section = null;
        String[] rows = text.split("\r?\n|\r", -1);
        for (int i = 0; i < rows.length; i++) {
            int number = i + 1;
            String line = rows[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            int control = firstControlCharacter(line);
            if (control >= 0) {
                return new XrdpIniParse.Invalid(number, "control character 0x" + Integer.toHexString(control)
                        + ": not a text line");
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]") || line.length() < 3) {
                    return new XrdpIniParse.Invalid(number, "section header '" + shorten(line) + "' is not [Name]");
                }
                section = line.substring(1, line.length() - 1).strip();
                if ("globals".equalsIgnoreCase(section)) {
                    sawGlobals = true;
                }
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                return new XrdpIniParse.Invalid(number, "'" + shorten(line)
                        + "' is neither key=value, a [section] nor a comment (xrdp ignores it)");
            }
            if (section == null) {
                return new XrdpIniParse.Invalid(number, "'" + shorten(line) + "' comes before any [section]");
            }
            String key = line.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(equals + 1).strip();
            if ("globals".equalsIgnoreCase(section)) {
                // xrdp reads the items in order and the last one wins.
                globals.put(key, value);
                lines.put(key, number);
            } else if ("logging".equalsIgnoreCase(section)) {
                logging.put(key, value);
                lines.put("logging." + key, number);
            }
        }
        if (!sawGlobals) {
            return new XrdpIniParse.Invalid(0, "no [Globals] section");
        }
        return interpret(globals, logging, lines, configDir);
    }

    private static XrdpIniParse interpret(Map<String, String> globals, Map<String, String> logging,
                                          Map<String, Integer> lines, Path configDir) {
        List<String> notes = new ArrayList<>();
        ListenSpec listen;
        try {
            listen = ListenSpec.parse(globals.getOrDefault("port", "3389"));
        } catch (IllegalArgumentException e) {
            return new XrdpIniParse.Invalid(lines.getOrDefault("port", 0), "port=" + shorten(globals.get("port"))
                    + ": " + e.getMessage());
        }
        SecurityLayer layer;
        String layerText = globals.getOrDefault("security_layer", "negotiate");
        switch (layerText.toLowerCase(Locale.ROOT)) {
            case "tls" -> layer = SecurityLayer.TLS;
            case "negotiate" -> layer = SecurityLayer.NEGOTIATE;
            case "rdp" -> layer = SecurityLayer.RDP;
            default -> {
                return new XrdpIniParse.Invalid(lines.getOrDefault("security_layer", 0), "security_layer="
                        + shorten(layerText) + " is not one of tls, negotiate, rdp");
            }
        }
        Path certificate = filePath(globals.get("certificate"), configDir.resolve("cert.pem"), "certificate", notes);
        Path key = filePath(globals.get("key_file"), configDir.resolve("key.pem"), "key_file", notes);
        String logName = logging.getOrDefault("logfile", "xrdp.log");
        Path logFile = logName.startsWith("/") ? Path.of(logName) : DEFAULT_LOG_DIR.resolve(logName);
        String sslProtocols = globals.get("ssl_protocols");
        if (sslProtocols != null && TlsProtocols.enabled(sslProtocols).isEmpty() && !sslProtocols.isBlank()) {
            notes.add("ssl_protocols=" + sslProtocols + " names no protocol xrdp knows (TLSv1 .. TLSv1.3)");
        }
        return new XrdpIniParse.Parsed(new XrdpConfig(listen, layer, certificate, key, sslProtocols,
                emptyToNull(globals.get("tls_ciphers")), emptyToNull(globals.get("runtime_user")),
                emptyToNull(globals.get("runtime_group")), logFile, notes, lines));
    }

    private static Path filePath(String value, Path fallback, String key, List<String> notes) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (!value.startsWith("/")) {
            notes.add(key + "=" + value + " is relative; xrdp ignores it and uses " + fallback);
            return fallback;
        }
        return Path.of(value);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static int firstControlCharacter(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 && c != '\t') {
                return c;
            }
        }
        return -1;
    }

    private static String shorten(String text) {
        return text == null ? "" : text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
