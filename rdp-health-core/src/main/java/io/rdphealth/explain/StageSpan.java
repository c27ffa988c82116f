package io.rdphealth.explain;

import io.rdphealth.finding.FindingId;
import java.util.Objects;

/**
 * The connection stages at which a cause shows itself to a client: {@code first} is the earliest
 * stage it can break, {@code last} the latest. A wire finding sits at one stage; a host fact may
 * show at several (an unreadable Windows key breaks the negotiation on some builds, the TLS
 * handshake on others).
 */
public record StageSpan(Stage first, Stage last) {
    public StageSpan {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException(first + " after " + last);
        }
    }

    public boolean contains(Stage stage) {
        return !stage.isBefore(first) && !last.isBefore(stage);
    }

    /**
     * Where a finding's cause shows on the wire, or {@code null} when it has no place in the
     * client's connection sequence that the wire probe walks (gateway path, event log, config file,
     * CredSSP policy).
     */
    public static StageSpan of(FindingId id) {
        return switch (id) {
            case DNS_UNRESOLVED -> at(Stage.NAME);
            case TCP_REFUSED, TCP_TIMEOUT, NETWORK_UNSTABLE,
                 RDP_DISABLED, RDP_DISABLED_BY_POLICY, LISTENER_PORT_MISMATCH, FIREWALL_RULE_DISABLED,
                 FIREWALL_RULE_BLOCKING, XRDP_NOT_RUNNING -> at(Stage.TCP);
            case SERVER_SILENT, NOT_RDP, CONNECTION_DROPPED,
                 NEG_SSL_REQUIRED, NEG_SSL_NOT_ALLOWED, NEG_CERT_NOT_ON_SERVER, NEG_HYBRID_REQUIRED,
                 NEG_SSL_WITH_USER_AUTH_REQUIRED, NEG_INCONSISTENT_FLAGS, TLS_DOWNGRADED_TO_RDP,
                 LEGACY_RDP_SECURITY_ALLOWED, NLA_NOT_REQUIRED,
                 SECURITY_LAYER_MISMATCH, XRDP_KEY_UNREADABLE, XRDP_CERT_MISSING -> at(Stage.NEGOTIATION);
            case TLS_HANDSHAKE_FAILED, TLS_NO_MODERN_VERSION, TLS_LEGACY_VERSION_ENABLED,
                 CERT_EXPIRED, CERT_EXPIRING_SOON, CERT_NOT_YET_VALID, CERT_HOSTNAME_MISMATCH, CERT_SELF_SIGNED,
                 CERT_UNTRUSTED, CERT_WEAK_KEY, CERT_WEAK_SIGNATURE, CERT_NO_SERVER_AUTH_EKU,
                 CIPHER_POLICY_RESTRICTIVE, XRDP_CERT_KEY_MISMATCH, XRDP_TLS_PROTOCOLS_RESTRICTED -> at(Stage.TLS);
            case SERVICE_NOT_RUNNING -> new StageSpan(Stage.TCP, Stage.NEGOTIATION);
            case CERT_KEY_ACCESS_DENIED, CERT_KEY_MISSING, MACHINEKEYS_ACL_BROKEN, CERT_PINNED_NOT_FOUND,
                 SCHANNEL_TLS12_DISABLED -> new StageSpan(Stage.NEGOTIATION, Stage.TLS);
            case GATEWAY_UNREACHABLE, GATEWAY_TLS_FAILED, GATEWAY_NOT_RDG, GATEWAY_ERROR, GATEWAY_AUTH_BASIC_ONLY,
                 CREDSSP_ORACLE_POLICY, EVENT_LOG_EVIDENCE, XRDP_CONFIG_INVALID, PROBE_FAILED -> null;
        };
    }

    private static StageSpan at(Stage stage) {
        return new StageSpan(stage, stage);
    }
}
