package io.rdphealth.finding;

import static io.rdphealth.finding.FindingGroup.GATEWAY;
import static io.rdphealth.finding.FindingGroup.HOST_WINDOWS;
import static io.rdphealth.finding.FindingGroup.HOST_XRDP;
import static io.rdphealth.finding.FindingGroup.NEGOTIATION;
import static io.rdphealth.finding.FindingGroup.NETWORK;
import static io.rdphealth.finding.FindingGroup.TLS_CERTIFICATE;
import static io.rdphealth.finding.Severity.CRITICAL;
import static io.rdphealth.finding.Severity.ERROR;
import static io.rdphealth.finding.Severity.INFO;
import static io.rdphealth.finding.Severity.WARNING;

/**
 * The stable finding IDs: a public contract (JSON reports, JUnit names, pipeline scripts and
 * dashboards key on them). Never rename or reuse a constant; add new ones and document them in
 * {@code docs/finding-catalog.md}, which a test keeps in step with this enum.
 */
public enum FindingId {
    // Network and transport
    DNS_UNRESOLVED(NETWORK, CRITICAL, "the host name does not resolve"),
    TCP_REFUSED(NETWORK, CRITICAL, "connection refused or reset: nothing listening, or a firewall rejecting"),
    TCP_TIMEOUT(NETWORK, CRITICAL, "no answer to the TCP handshake: host down or a firewall dropping"),
    SERVER_SILENT(NETWORK, CRITICAL, "TCP accepted but no X.224 answer before the deadline"),
    NOT_RDP(NETWORK, CRITICAL, "something answers on the port but it is not an RDP listener"),
    NETWORK_UNSTABLE(NETWORK, WARNING, "connect-time samples show high jitter or loss"),
    CONNECTION_DROPPED(NETWORK, CRITICAL, "the server closed or reset the connection in the middle of the handshake"),
    /** Added by RDP Health (not in the shared catalog): the probe itself failed, so nothing was verified. */
    PROBE_FAILED(NETWORK, ERROR, "the target could not be assessed: the probe failed unexpectedly"),

    // Security negotiation
    NEG_SSL_REQUIRED(NEGOTIATION, INFO, "server demands TLS; clients offering only standard RDP security fail"),
    NEG_SSL_NOT_ALLOWED(NEGOTIATION, ERROR, "server allows only standard RDP security; TLS/NLA clients fail"),
    NEG_CERT_NOT_ON_SERVER(NEGOTIATION, CRITICAL, "server has no usable TLS certificate"),
    NEG_HYBRID_REQUIRED(NEGOTIATION, INFO, "server demands NLA; clients without CredSSP fail"),
    NEG_SSL_WITH_USER_AUTH_REQUIRED(NEGOTIATION, INFO, "server demands TLS with user authentication"),
    NEG_INCONSISTENT_FLAGS(NEGOTIATION, ERROR, "server reports inconsistent negotiation flags"),
    TLS_DOWNGRADED_TO_RDP(NEGOTIATION, ERROR, "TLS was requested but the server silently chose standard RDP security"),
    LEGACY_RDP_SECURITY_ALLOWED(NEGOTIATION, WARNING, "standard RDP security is accepted (weak, no server authentication)"),
    NLA_NOT_REQUIRED(NEGOTIATION, WARNING, "the server does not require Network Level Authentication"),

    // TLS and certificate
    TLS_HANDSHAKE_FAILED(TLS_CERTIFICATE, CRITICAL, "TLS was negotiated in X.224 but the handshake failed"),
    TLS_NO_MODERN_VERSION(TLS_CERTIFICATE, ERROR, "the server offers no TLS 1.2 or 1.3"),
    TLS_LEGACY_VERSION_ENABLED(TLS_CERTIFICATE, WARNING, "TLS 1.0 or 1.1 is accepted"),
    CERT_EXPIRED(TLS_CERTIFICATE, ERROR, "the certificate's notAfter is in the past"),
    CERT_EXPIRING_SOON(TLS_CERTIFICATE, WARNING, "the certificate expires within the configured window"),
    CERT_NOT_YET_VALID(TLS_CERTIFICATE, ERROR, "the certificate's notBefore is in the future"),
    CERT_HOSTNAME_MISMATCH(TLS_CERTIFICATE, WARNING, "no SAN/CN matches the name or address the client uses"),
    CERT_SELF_SIGNED(TLS_CERTIFICATE, INFO, "the certificate is self-signed"),
    CERT_UNTRUSTED(TLS_CERTIFICATE, WARNING, "the chain does not build to a trusted root"),
    CERT_WEAK_KEY(TLS_CERTIFICATE, WARNING, "RSA key under 2048 bits (or equivalent)"),
    CERT_WEAK_SIGNATURE(TLS_CERTIFICATE, WARNING, "signed with SHA-1 or MD5"),
    CERT_NO_SERVER_AUTH_EKU(TLS_CERTIFICATE, WARNING, "the certificate lacks the Server Authentication extended key usage"),

    // RD Gateway
    GATEWAY_UNREACHABLE(GATEWAY, CRITICAL, "the gateway's HTTPS port does not answer"),
    GATEWAY_TLS_FAILED(GATEWAY, CRITICAL, "TLS to the gateway fails"),
    GATEWAY_NOT_RDG(GATEWAY, ERROR, "HTTPS answers but the RD Gateway endpoint is absent"),
    GATEWAY_ERROR(GATEWAY, ERROR, "the gateway endpoint answers with a server error"),
    GATEWAY_AUTH_BASIC_ONLY(GATEWAY, WARNING, "the gateway offers only Basic authentication"),

    // Host: Windows
    RDP_DISABLED(HOST_WINDOWS, CRITICAL, "fDenyTSConnections = 1 locally"),
    RDP_DISABLED_BY_POLICY(HOST_WINDOWS, CRITICAL, "the policy value disables Remote Desktop"),
    LISTENER_PORT_MISMATCH(HOST_WINDOWS, ERROR, "RDP-Tcp PortNumber differs from the port probed or the firewall rule"),
    FIREWALL_RULE_DISABLED(HOST_WINDOWS, ERROR, "the Remote Desktop rule group is off for an active profile"),
    FIREWALL_RULE_BLOCKING(HOST_WINDOWS, ERROR, "a block rule covers the RDP port"),
    SERVICE_NOT_RUNNING(HOST_WINDOWS, CRITICAL, "TermService, UmRdpService or SessionEnv is not running"),
    CERT_KEY_ACCESS_DENIED(HOST_WINDOWS, CRITICAL, "NETWORK SERVICE cannot read the RDP certificate's private key"),
    CERT_KEY_MISSING(HOST_WINDOWS, CRITICAL, "the certificate's private key container is gone"),
    MACHINEKEYS_ACL_BROKEN(HOST_WINDOWS, ERROR, "the MachineKeys folder ACL differs from the default"),
    CERT_PINNED_NOT_FOUND(HOST_WINDOWS, ERROR, "SSLCertificateSHA1Hash names a certificate that is not installed"),
    SCHANNEL_TLS12_DISABLED(HOST_WINDOWS, ERROR, "TLS 1.2 server side is disabled in SCHANNEL"),
    CIPHER_POLICY_RESTRICTIVE(HOST_WINDOWS, ERROR, "a cipher-suite policy leaves no suite the clients share"),
    SECURITY_LAYER_MISMATCH(HOST_WINDOWS, ERROR, "SecurityLayer/UserAuthentication settings contradict what clients need"),
    CREDSSP_ORACLE_POLICY(HOST_WINDOWS, INFO, "the CredSSP encryption oracle policy will refuse unpatched peers"),
    EVENT_LOG_EVIDENCE(HOST_WINDOWS, INFO, "a recent event explains a failure"),

    // Host: Linux xrdp
    XRDP_NOT_RUNNING(HOST_XRDP, CRITICAL, "no xrdp listener for the configured port"),
    XRDP_KEY_UNREADABLE(HOST_XRDP, ERROR, "the xrdp runtime user cannot read the key"),
    XRDP_CERT_KEY_MISMATCH(HOST_XRDP, CRITICAL, "certificate and key do not belong together"),
    XRDP_CERT_MISSING(HOST_XRDP, CRITICAL, "the configured certificate or key file does not exist"),
    XRDP_TLS_PROTOCOLS_RESTRICTED(HOST_XRDP, ERROR, "ssl_protocols / tls_ciphers leave modern clients no common ground"),
    XRDP_CONFIG_INVALID(HOST_XRDP, ERROR, "xrdp.ini cannot be parsed or has impossible values");

    private final FindingGroup group;
    private final Severity defaultSeverity;
    private final String meaning;

    FindingId(FindingGroup group, Severity defaultSeverity, String meaning) {
        this.group = group;
        this.defaultSeverity = defaultSeverity;
        this.meaning = meaning;
    }

    public FindingGroup group() {
        return group;
    }

    /** The catalog's starting severity; a {@code SeverityPolicy} may raise or lower it. */
    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** The catalog's one-line meaning of the ID (the finding's own summary is more specific). */
    public String meaning() {
        return meaning;
    }
}
