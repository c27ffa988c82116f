package io.rdphealth.diagnosis;

import static io.rdphealth.finding.FindingId.*;

import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Links findings that explain each other and ranks them: a root cause first, the symptoms it
 * explains listed under it. "Explains" is a fixed table of catalog IDs, read as "when both are
 * present, the first is why the second is seen" (e.g. an unreadable xrdp key is why the wire shows
 * a silent downgrade). Adding a cause means adding one line here.
 */
public final class CauseLinker {
    private static final Map<FindingId, Set<FindingId>> EXPLAINS = explains();

    private static Map<FindingId, Set<FindingId>> explains() {
        Map<FindingId, Set<FindingId>> m = new EnumMap<>(FindingId.class);
        // Host facts explain what the wire shows.
        m.put(XRDP_KEY_UNREADABLE, EnumSet.of(TLS_DOWNGRADED_TO_RDP, NEG_CERT_NOT_ON_SERVER, TLS_HANDSHAKE_FAILED));
        m.put(XRDP_CERT_MISSING, EnumSet.of(TLS_DOWNGRADED_TO_RDP, NEG_CERT_NOT_ON_SERVER, TLS_HANDSHAKE_FAILED));
        m.put(XRDP_CERT_KEY_MISMATCH, EnumSet.of(TLS_HANDSHAKE_FAILED, CONNECTION_DROPPED, NEG_CERT_NOT_ON_SERVER));
        m.put(XRDP_TLS_PROTOCOLS_RESTRICTED, EnumSet.of(TLS_NO_MODERN_VERSION, TLS_HANDSHAKE_FAILED, TLS_LEGACY_VERSION_ENABLED));
        m.put(XRDP_NOT_RUNNING, EnumSet.of(TCP_REFUSED));
        m.put(CERT_KEY_ACCESS_DENIED, EnumSet.of(NEG_CERT_NOT_ON_SERVER, TLS_HANDSHAKE_FAILED, CONNECTION_DROPPED,
                TLS_DOWNGRADED_TO_RDP, EVENT_LOG_EVIDENCE));
        m.put(CERT_KEY_MISSING, EnumSet.of(NEG_CERT_NOT_ON_SERVER, TLS_HANDSHAKE_FAILED, CONNECTION_DROPPED,
                TLS_DOWNGRADED_TO_RDP, EVENT_LOG_EVIDENCE));
        m.put(MACHINEKEYS_ACL_BROKEN, EnumSet.of(CERT_KEY_ACCESS_DENIED, CERT_KEY_MISSING, NEG_CERT_NOT_ON_SERVER,
                TLS_HANDSHAKE_FAILED, CONNECTION_DROPPED, EVENT_LOG_EVIDENCE));
        m.put(CERT_PINNED_NOT_FOUND, EnumSet.of(NEG_CERT_NOT_ON_SERVER, TLS_HANDSHAKE_FAILED, CONNECTION_DROPPED));
        m.put(SCHANNEL_TLS12_DISABLED, EnumSet.of(TLS_NO_MODERN_VERSION, TLS_HANDSHAKE_FAILED, CONNECTION_DROPPED,
                EVENT_LOG_EVIDENCE));
        m.put(CIPHER_POLICY_RESTRICTIVE, EnumSet.of(TLS_HANDSHAKE_FAILED, CONNECTION_DROPPED, EVENT_LOG_EVIDENCE));
        m.put(SECURITY_LAYER_MISMATCH, EnumSet.of(NEG_INCONSISTENT_FLAGS, NEG_SSL_NOT_ALLOWED, TLS_DOWNGRADED_TO_RDP));
        m.put(RDP_DISABLED_BY_POLICY, EnumSet.of(TCP_REFUSED, RDP_DISABLED));
        m.put(RDP_DISABLED, EnumSet.of(TCP_REFUSED));
        m.put(SERVICE_NOT_RUNNING, EnumSet.of(TCP_REFUSED, SERVER_SILENT, NEG_CERT_NOT_ON_SERVER));
        m.put(FIREWALL_RULE_BLOCKING, EnumSet.of(TCP_TIMEOUT, TCP_REFUSED));
        m.put(FIREWALL_RULE_DISABLED, EnumSet.of(TCP_TIMEOUT, TCP_REFUSED));
        m.put(LISTENER_PORT_MISMATCH, EnumSet.of(TCP_REFUSED, TCP_TIMEOUT, NOT_RDP));
        m.put(GATEWAY_UNREACHABLE, EnumSet.of(GATEWAY_TLS_FAILED));
        // Wire facts that explain other wire facts.
        m.put(TLS_DOWNGRADED_TO_RDP, EnumSet.of(LEGACY_RDP_SECURITY_ALLOWED, NLA_NOT_REQUIRED));
        m.put(NEG_SSL_NOT_ALLOWED, EnumSet.of(LEGACY_RDP_SECURITY_ALLOWED, NLA_NOT_REQUIRED));
        m.put(CERT_EXPIRED, EnumSet.of(CERT_UNTRUSTED));
        m.put(CERT_NOT_YET_VALID, EnumSet.of(CERT_UNTRUSTED));
        m.put(CERT_SELF_SIGNED, EnumSet.of(CERT_UNTRUSTED));
        m.put(TLS_NO_MODERN_VERSION, EnumSet.of(TLS_LEGACY_VERSION_ENABLED));
        return m;
    }

    /** Whether {@code cause} explains {@code symptom} when both are present. */
    public static boolean explains(FindingId cause, FindingId symptom) {
        return EXPLAINS.getOrDefault(cause, Set.of()).contains(symptom);
    }

    /**
     * Ranks and links. A finding explained by another present finding moves under it (under the
     * first, most severe one when several could claim it); roots are ordered by the worst severity
     * they carry, then by how many symptoms they explain, then by catalog order.
     */
    public List<Finding> link(List<Finding> findings) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(BY_SEVERITY_THEN_CATALOG);
        // By identity: each finding is one object, and hashing a record hashes all its evidence.
        Map<Finding, List<Finding>> children = new java.util.IdentityHashMap<>();
        List<Finding> roots = new ArrayList<>();
        for (Finding candidate : sorted) {
            Finding owner = null;
            for (Finding other : sorted) {
                if (other != candidate && explains(other.id(), candidate.id()) && !explains(candidate.id(), other.id())
                        && sameSubject(other, candidate)) {
                    owner = other;
                    break;
                }
            }
            if (owner == null) {
                roots.add(candidate);
            } else {
                children.computeIfAbsent(owner, k -> new ArrayList<>()).add(candidate);
            }
        }
        List<Finding> linked = new ArrayList<>();
        for (Finding root : roots) {
            linked.add(attach(root, children, 0));
        }
        linked.sort(Comparator.comparing(Finding::worstSeverity).reversed()
                .thenComparing(f -> -f.symptoms().size())
                .thenComparing(Finding::id));
        return linked;
    }

    private static Finding attach(Finding finding, Map<Finding, List<Finding>> children, int depth) {
        List<Finding> own = children.getOrDefault(finding, List.of());
        if (own.isEmpty() || depth > FindingId.values().length) {
            return finding;
        }
        List<Finding> symptoms = new ArrayList<>();
        for (Finding child : own) {
            symptoms.add(attach(child, children, depth + 1));
        }
        return finding.withSymptoms(symptoms);
    }

    /** Host findings are about the host, wire findings about the target; both describe the same machine here. */
    private static boolean sameSubject(Finding cause, Finding symptom) {
        return cause.id().group() != symptom.id().group() || cause.target().equals(symptom.target());
    }

    private static final Comparator<Finding> BY_SEVERITY_THEN_CATALOG =
            Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::id);
}
