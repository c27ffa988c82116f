package io.rdphealth.host.windows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.report.ReportJson;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The JSON form of {@link WindowsHostFacts}. {@link #parse} is a pure function from text to facts
 * (a fuzzer can drive it): it refuses newer schema versions, missing or mistyped fields and
 * impossible values with a {@link WindowsFactsFormatException} naming the field; it never throws
 * anything else for any input.
 */
public final class WindowsFactsJson {
    /** Snapshots are a few hundred KB at most (events dominate); bigger input is refused unread. */
    public static final int MAX_CHARS = 8 * 1024 * 1024;

    private static final Pattern THUMBPRINT = Pattern.compile("[0-9A-F]{40}");

    private final ObjectMapper mapper = new ReportJson().mapper();

    public String write(WindowsHostFacts facts) {
        try {
            return mapper.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise host facts: " + e.getOriginalMessage(), e);
        }
    }

    public WindowsHostFacts parse(String json) throws WindowsFactsFormatException {
        if (json == null || json.isBlank()) {
            throw new WindowsFactsFormatException("empty input");
        }
        if (json.length() > MAX_CHARS) {
            throw new WindowsFactsFormatException("larger than " + MAX_CHARS + " characters");
        }
        WindowsHostFacts facts;
        try {
            JsonNode tree = mapper.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new WindowsFactsFormatException("not a JSON object");
            }
            JsonNode version = tree.get("schemaVersion");
            if (version == null || !version.isInt()) {
                throw new WindowsFactsFormatException("field 'schemaVersion': missing or not an integer");
            }
            if (version.asInt() < 1 || version.asInt() > WindowsHostFacts.SCHEMA_VERSION) {
                throw new WindowsFactsFormatException("field 'schemaVersion': " + version.asInt()
                        + " is not supported (this version reads 1.." + WindowsHostFacts.SCHEMA_VERSION + ")");
            }
            facts = mapper.treeToValue(tree, WindowsHostFacts.class);
        } catch (JsonMappingException e) {
            throw new WindowsFactsFormatException("field '" + path(e) + "': " + rootMessage(e));
        } catch (JsonProcessingException e) {
            throw new WindowsFactsFormatException("not valid JSON: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            throw new WindowsFactsFormatException(String.valueOf(e.getMessage()));
        }
        validate(facts);
        return facts;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "(root)" : sb.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t instanceof JsonMappingException jm ? jm.getOriginalMessage() : t.getMessage();
        if (t instanceof NullPointerException) {
            return "missing required value " + message;
        }
        return message == null ? t.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    /** Semantic checks Jackson cannot do: ranges and formats of the registry values. */
    private static void validate(WindowsHostFacts f) throws WindowsFactsFormatException {
        ListenerSettings l = f.listener();
        range("listener.denyTsConnections", l.denyTsConnections(), 0, 1);
        range("listener.denyTsConnectionsPolicy", l.denyTsConnectionsPolicy(), 0, 1);
        range("listener.portNumber", l.portNumber(), 1, 65535);
        range("listener.securityLayer", l.securityLayer(), 0, 2);
        range("listener.userAuthentication", l.userAuthentication(), 0, 1);
        range("listener.minEncryptionLevel", l.minEncryptionLevel(), 1, 4);
        if (l.pinnedCertificateSha1() != null && !THUMBPRINT.matcher(l.pinnedCertificateSha1()).matches()) {
            throw new WindowsFactsFormatException("field 'listener.pinnedCertificateSha1': '" + l.pinnedCertificateSha1()
                    + "' is not 40 upper-case hex digits");
        }
        for (int i = 0; i < f.certificates().size(); i++) {
            StoreCertificate c = f.certificates().get(i);
            String at = "certificates[" + i + "].certificate";
            CertificateInfo info = c.certificate();
            if (info.sha1() == null || !THUMBPRINT.matcher(info.sha1()).matches()) {
                throw new WindowsFactsFormatException("field '" + at + ".sha1': not 40 upper-case hex digits");
            }
            if (info.notBefore() == null || info.notAfter() == null) {
                throw new WindowsFactsFormatException("field '" + at + ".notAfter': validity dates are required");
            }
            if (c.key() != null && c.key().sddl() != null) {
                sddl("certificates[" + i + "].key.sddl", c.key().sddl());
            }
        }
        if (f.machineKeys() != null && f.machineKeys().sddl() != null) {
            sddl("machineKeys.sddl", f.machineKeys().sddl());
        }
        if (f.cngKeys() != null && f.cngKeys().sddl() != null) {
            sddl("cngKeys.sddl", f.cngKeys().sddl());
        }
        List<FirewallBlockRule> blockRules = f.firewall().inboundTcpBlockRules();
        for (int i = 0; i < blockRules.size(); i++) {
            FirewallBlockRule rule = blockRules.get(i);
            if (rule == null || rule.name() == null || rule.name().isBlank()) {
                throw new WindowsFactsFormatException("field 'firewall.inboundTcpBlockRules[" + i + "].name': missing");
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < f.schannel().size(); i++) {
            if (!seen.add(f.schannel().get(i).version().name())) {
                throw new WindowsFactsFormatException("field 'schannel[" + i + "].version': listed twice");
            }
        }
        CryptoPolicy p = f.cryptoPolicy();
        range("cryptoPolicy.credSspEncryptionOracle", p.credSspEncryptionOracle(), 0, 2);
        List<String> suites = p.cipherSuiteOrder();
        if (suites != null && suites.stream().anyMatch(s -> s == null || s.isBlank())) {
            throw new WindowsFactsFormatException("field 'cryptoPolicy.cipherSuiteOrder': contains an empty suite name");
        }
        for (int i = 0; i < f.events().size(); i++) {
            int id = f.events().get(i).eventId();
            if (id < 0 || id > 65535) {
                throw new WindowsFactsFormatException("field 'events[" + i + "].eventId': " + id + " is not an event ID");
            }
        }
    }

    private static void range(String field, Integer value, int min, int max) throws WindowsFactsFormatException {
        if (value != null && (value < min || value > max)) {
            throw new WindowsFactsFormatException("field '" + field + "': " + value + " is outside " + min + ".." + max);
        }
    }

    private static void sddl(String field, String text) throws WindowsFactsFormatException {
        try {
            Sddl.parse(text);
        } catch (IllegalArgumentException e) {
            throw new WindowsFactsFormatException("field '" + field + "': " + e.getMessage());
        }
    }
}
