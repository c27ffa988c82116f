package io.rdphealth.explain;

import static io.rdphealth.finding.FindingId.*;

import io.rdphealth.finding.FindingId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The project's knowledge of which catalog findings produce which client codes. The code lists
 * are Microsoft's facts; this mapping is diagnosis: a candidate here is a lead that the checks
 * confirm or rule out, never a conclusion by itself.
 */
final class LikelyCauses {
    /** The classic 0x904 / 0x7 causes: TCP reached the host, then it closed during security negotiation. */
    static final List<FindingId> SERVER_CLOSED_DURING_SECURITY = List.of(
            NEG_CERT_NOT_ON_SERVER, TLS_HANDSHAKE_FAILED, CONNECTION_DROPPED, TLS_DOWNGRADED_TO_RDP,
            TLS_NO_MODERN_VERSION,
            CERT_KEY_ACCESS_DENIED, CERT_KEY_MISSING, MACHINEKEYS_ACL_BROKEN, CERT_PINNED_NOT_FOUND,
            SCHANNEL_TLS12_DISABLED, CIPHER_POLICY_RESTRICTIVE, SECURITY_LAYER_MISMATCH, FIREWALL_RULE_BLOCKING,
            EVENT_LOG_EVIDENCE,
            XRDP_KEY_UNREADABLE, XRDP_CERT_MISSING, XRDP_CERT_KEY_MISMATCH, XRDP_TLS_PROTOCOLS_RESTRICTED,
            GATEWAY_TLS_FAILED, GATEWAY_NOT_RDG, GATEWAY_ERROR);

    private static final List<FindingId> DNS = List.of(DNS_UNRESOLVED);

    private static final List<FindingId> CONNECT_FAILED = List.of(
            TCP_REFUSED, TCP_TIMEOUT, RDP_DISABLED, RDP_DISABLED_BY_POLICY, SERVICE_NOT_RUNNING, XRDP_NOT_RUNNING,
            FIREWALL_RULE_BLOCKING, FIREWALL_RULE_DISABLED, LISTENER_PORT_MISMATCH, GATEWAY_UNREACHABLE);

    private static final String NOT_AN_ERROR = "not an error by itself; the extended reason, when there is one, says more";
    private static final String CLIENT_SIDE = "a fault inside the client; no server or network finding is known to produce it";
    private static final String CREDENTIALS = "an account or credential problem met during logon (NLA); the wire probe and host inspection do not check accounts";
    private static final String LICENSING = "a Remote Desktop licensing problem; RDP Health does not check licensing";

    private static final Map<Long, CauseRule> BY_REASON = reasons();
    private static final Map<Long, CauseRule> BY_EXTENDED = extended();

    private LikelyCauses() {
    }

    /** The rule for a discReason; every entry of {@link DisconnectReasons#TABLE} has one. */
    static CauseRule forReason(long reason) {
        CauseRule rule = BY_REASON.get(reason);
        if (rule == null) {
            throw new IllegalStateException("no cause rule for discReason " + DisconnectCode.hex(reason));
        }
        return rule;
    }

    /**
     * The rule for an extended reason that says more than the discReason, or empty for
     * {@code exDiscReasonNoInfo} (0), where the discReason's rule stands.
     */
    static Optional<CauseRule> forExtended(long extended) {
        if (extended == 0) {
            return Optional.empty();
        }
        CauseRule rule = BY_EXTENDED.get(extended);
        if (rule != null) {
            return Optional.of(rule);
        }
        if (ExtendedReasons.inProtocolRange(extended)) {
            return Optional.of(new CauseRule("an internal protocol error after the connection was set up; the server's event log names it",
                    List.of(EVENT_LOG_EVIDENCE)));
        }
        if (extended >= 0x400 && extended <= 0x4FF) {
            return Optional.of(new CauseRule("the RD Connection Broker could not place the connection; check the broker and its pool, not the endpoint's RDP listener",
                    List.of()));
        }
        return Optional.of(new CauseRule("the server's reason; no catalog finding is known to produce it", List.of()));
    }

    private static Map<Long, CauseRule> reasons() {
        Map<Long, CauseRule> m = new HashMap<>();
        for (long code : new long[] {0x0, 0x1, 0x2, 0x3}) {
            m.put(code, new CauseRule(NOT_AN_ERROR, List.of()));
        }
        for (long code : new long[] {0x106, 0x206, 0x306, 0x408, 0x608, 0xC08}) {
            m.put(code, new CauseRule(CLIENT_SIDE, List.of()));
        }
        for (long code : new long[] {0x308, 0x804}) {
            m.put(code, new CauseRule("the address typed into the client is not a valid IP address; nothing on the server to check", List.of()));
        }
        for (long code : new long[] {0x104, 0x208, 0x508, 0x604}) {
            m.put(code, new CauseRule("the client could not turn the host name into an address", DNS));
        }
        m.put(0x108L, new CauseRule("the client got no answer in time while connecting: host down, a firewall dropping packets, or a silent listener",
                List.of(TCP_TIMEOUT, SERVER_SILENT, FIREWALL_RULE_BLOCKING, FIREWALL_RULE_DISABLED, LISTENER_PORT_MISMATCH,
                        NETWORK_UNSTABLE, GATEWAY_UNREACHABLE)));
        m.put(0x704L, new CauseRule("the server stopped answering in time during the connection sequence",
                List.of(SERVER_SILENT, TCP_TIMEOUT, NETWORK_UNSTABLE, GATEWAY_UNREACHABLE)));
        m.put(0x204L, new CauseRule("the TCP connect failed: nothing listens on the port, the host refuses, or a firewall is in the way",
                CONNECT_FAILED));
        m.put(0x304L, new CauseRule("the connection broke while the client was sending: the server or something in between reset it",
                List.of(CONNECTION_DROPPED, TCP_REFUSED, NETWORK_UNSTABLE)));
        m.put(0x404L, new CauseRule("the connection broke while the client was receiving: the server or something in between reset it",
                List.of(CONNECTION_DROPPED, TCP_REFUSED, NETWORK_UNSTABLE)));
        m.put(DisconnectReasons.SOCKET_CLOSED, new CauseRule(
                "TCP reached the host, then the connection was closed; right after connecting this means the server (or security software in between) closed it while security was negotiated",
                SERVER_CLOSED_DURING_SECURITY));
        for (long code : new long[] {0x406, 0x506, 0x606, 0x706}) {
            m.put(code, new CauseRule("the client rejected the server's standard RDP security data (no TLS in use)",
                    List.of(TLS_DOWNGRADED_TO_RDP, SECURITY_LAYER_MISMATCH, NOT_RDP)));
        }
        for (long code : new long[] {0x906, 0xA06, 0xB06, 0xC06}) {
            m.put(code, new CauseRule("the client's security layer failed; no server finding is known to produce it", List.of()));
        }
        for (long code : new long[] {0x808, 0x908}) {
            m.put(code, new CauseRule(LICENSING, List.of()));
        }
        for (long code : new long[] {0x807, 0xA07, 0xB07, 0xC07, 0xD07, 0xE07, 0xF07, 0x1207, 0x1C07, 0x2107, 0x2207}) {
            m.put(code, new CauseRule(CREDENTIALS, List.of()));
        }
        m.put(0x1607L, new CauseRule("the client's credential delegation policy does not allow this server", List.of()));
        m.put(0x1707L, new CauseRule("only NTLM was possible, so the server was not authenticated and the client's policy forbids sending credentials",
                List.of()));
        m.put(0x1807L, new CauseRule("no domain controller or KDC could be reached to authenticate; a directory problem, not the RDP listener",
                List.of()));
        m.put(0x1B07L, new CauseRule("a certificate met during logon has expired (the server's, or a smart card's)",
                List.of(CERT_EXPIRED, CERT_NOT_YET_VALID)));
        return Map.copyOf(m);
    }

    private static Map<Long, CauseRule> extended() {
        Map<Long, CauseRule> m = new HashMap<>();
        m.put(ExtendedReasons.SERVER_DENIED_CONNECTION, new CauseRule(
                "the server refused the connection (the same number as ERRINFO_SERVER_DENIED_CONNECTION); with 0x904 it closed the socket during security negotiation",
                SERVER_CLOSED_DURING_SECURITY));
        m.put(8L, new CauseRule("the server refused for security reasons (FIPS): its encryption policy and the client's security do not meet",
                List.of(SECURITY_LAYER_MISMATCH, TLS_DOWNGRADED_TO_RDP)));
        for (long code : new long[] {1, 2, 3, 4, 5, 11, 12}) {
            m.put(code, new CauseRule("the session ended by policy, an administrator or the user; not a connection fault", List.of()));
        }
        m.put(6L, new CauseRule("the server ran out of memory", List.of()));
        m.put(9L, new CauseRule("the user is not allowed to log on remotely (Remote Desktop Users group, 'Allow log on through Remote Desktop Services')",
                List.of()));
        m.put(10L, new CauseRule("the server requires credentials typed for each connection", List.of()));
        m.put(768L, new CauseRule(CREDENTIALS, List.of()));
        for (long code = 256; code <= 267; code++) {
            m.put(code, new CauseRule(LICENSING, List.of()));
        }
        for (long code = 0x100; code <= 0x10A; code++) {
            m.putIfAbsent(code, new CauseRule(LICENSING, List.of()));
        }
        for (long code : new long[] {0xF, 0x10, 0x11, 0x12, 0x17, 0x18}) {
            m.put(code, new CauseRule("a component of the remote session (display driver, DWM, Winlogon, CSRSS) failed after logon; the server's event log has details",
                    List.of(EVENT_LOG_EVIDENCE)));
        }
        return Map.copyOf(m);
    }
}
