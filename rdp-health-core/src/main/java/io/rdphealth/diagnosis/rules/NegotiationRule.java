package io.rdphealth.diagnosis.rules;

import io.rdphealth.diagnosis.DiagnosisContext;
import io.rdphealth.diagnosis.Rule;
import io.rdphealth.evidence.NegotiationEvidence;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.wire.NegotiationFailureCode;
import io.rdphealth.wire.SecurityProtocol;
import io.rdphealth.wire.X224Confirm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's security policy from the two negotiations: what it selects when offered
 * SSL|HYBRID|HYBRID_EX, and what it answers when offered standard RDP security only.
 */
public final class NegotiationRule implements Rule {

    @Override
    public List<Finding> evaluate(DiagnosisContext context) {
        List<Finding> findings = new ArrayList<>();
        for (WireEvidence address : context.result().addresses()) {
            Map<FindingId, Finding> byId = new LinkedHashMap<>();
            String target = context.label(address);
            preferred(target, address.preferred(), byId);
            rdpOnly(target, address.rdpOnly(), byId);
            if (StandardSecurityDetailRule.covers(address)) {
                byId.remove(FindingId.LEGACY_RDP_SECURITY_ALLOWED); // the MCS detail reports it with more evidence
            }
            findings.addAll(byId.values());
        }
        return findings;
    }

    private static String line(NegotiationEvidence negotiation) {
        return "asked " + String.join("|", negotiation.requested()) + ", server answered " + describe(negotiation.confirm());
    }

    static String describe(X224Confirm confirm) {
        if (confirm instanceof X224Confirm.NegotiationResponse response) {
            SecurityProtocol protocol = response.protocol();
            return String.format("RDP_NEG_RSP selecting %s (flags 0x%02X)",
                    protocol == null ? String.format("undefined value 0x%X", response.selectedProtocol()) : protocol.name(),
                    response.flags());
        }
        if (confirm instanceof X224Confirm.NegotiationFailure failure) {
            NegotiationFailureCode code = failure.failure();
            return "RDP_NEG_FAILURE " + failure.failureCode() + (code == null ? " (undefined code)" : " " + code.name());
        }
        return "a legacy confirm without negotiation data";
    }

    private static void preferred(String target, NegotiationEvidence negotiation, Map<FindingId, Finding> out) {
        if (negotiation == null || negotiation.confirm() == null) {
            return;
        }
        List<String> evidence = List.of(line(negotiation));
        X224Confirm confirm = negotiation.confirm();
        if (confirm instanceof X224Confirm.NegotiationResponse response) {
            SecurityProtocol protocol = response.protocol();
            if (protocol == null || (protocol != SecurityProtocol.RDP
                    && (negotiation.requestedProtocols() & protocol.bit()) == 0)) {
                out.put(FindingId.NEG_INCONSISTENT_FLAGS, inconsistent(target, evidence));
            } else if (protocol == SecurityProtocol.RDP) {
                out.put(FindingId.TLS_DOWNGRADED_TO_RDP, Finding.of(FindingId.TLS_DOWNGRADED_TO_RDP, target,
                        "TLS was offered but the server chose standard RDP security: TLS is switched off or its certificate key is unreadable (silent downgrade)",
                        evidence, Fix.manual(
                                "xrdp: check security_layer in xrdp.ini, then that the xrdp user can read key_file (group ssl-cert for /etc/ssl/private); 'rdphealth inspect --xrdp' tells which.",
                                "Windows: set RDP-Tcp SecurityLayer to 1 (negotiate) or 2 (TLS) and check NETWORK SERVICE can read the certificate's private key ('rdphealth inspect --windows').",
                                "Re-run the check: the server must select SSL or HYBRID.")));
            }
        } else if (confirm instanceof X224Confirm.NegotiationFailure failure) {
            NegotiationFailureCode code = failure.failure();
            if (code == null) {
                out.put(FindingId.NEG_INCONSISTENT_FLAGS, inconsistent(target, evidence));
                return;
            }
            switch (code) {
                case SSL_NOT_ALLOWED_BY_SERVER -> out.put(FindingId.NEG_SSL_NOT_ALLOWED, sslNotAllowed(target, evidence));
                case SSL_CERT_NOT_ON_SERVER -> out.put(FindingId.NEG_CERT_NOT_ON_SERVER, certNotOnServer(target, evidence));
                case SSL_WITH_USER_AUTH_REQUIRED_BY_SERVER -> out.put(FindingId.NEG_SSL_WITH_USER_AUTH_REQUIRED,
                        sslWithUserAuth(target, evidence));
                // The server claims to require what was offered: its flags contradict themselves.
                case SSL_REQUIRED_BY_SERVER, HYBRID_REQUIRED_BY_SERVER, INCONSISTENT_FLAGS ->
                        out.put(FindingId.NEG_INCONSISTENT_FLAGS, inconsistent(target, evidence));
            }
        } else {
            out.put(FindingId.NEG_SSL_NOT_ALLOWED, sslNotAllowed(target,
                    List.of(line(negotiation), "a server without RDP negotiation supports standard RDP security only")));
        }
    }

    private static void rdpOnly(String target, NegotiationEvidence negotiation, Map<FindingId, Finding> out) {
        if (negotiation == null || negotiation.confirm() == null) {
            return;
        }
        List<String> evidence = List.of(line(negotiation));
        X224Confirm confirm = negotiation.confirm();
        if (confirm instanceof X224Confirm.LegacyConfirm
                || confirm instanceof X224Confirm.NegotiationResponse response && response.selectedProtocol() == 0) {
            out.putIfAbsent(FindingId.LEGACY_RDP_SECURITY_ALLOWED, Finding.of(FindingId.LEGACY_RDP_SECURITY_ALLOWED, target,
                    "standard RDP security is accepted: weak RC4 encryption and no server authentication",
                    evidence, Fix.manual(
                            "Windows: set RDP-Tcp SecurityLayer to 2 (TLS) and UserAuthentication to 1 (NLA), or the GPO 'Require use of specific security layer' = SSL.",
                            "xrdp: set security_layer=tls (or negotiate with a working certificate) in xrdp.ini.")));
            out.putIfAbsent(FindingId.NLA_NOT_REQUIRED, nlaNotRequired(target, evidence));
        } else if (confirm instanceof X224Confirm.NegotiationResponse) {
            out.putIfAbsent(FindingId.NEG_INCONSISTENT_FLAGS, inconsistent(target, evidence));
        } else if (confirm instanceof X224Confirm.NegotiationFailure failure) {
            NegotiationFailureCode code = failure.failure();
            if (code == null) {
                out.putIfAbsent(FindingId.NEG_INCONSISTENT_FLAGS, inconsistent(target, evidence));
                return;
            }
            switch (code) {
                case SSL_REQUIRED_BY_SERVER -> {
                    out.putIfAbsent(FindingId.NEG_SSL_REQUIRED, Finding.of(FindingId.NEG_SSL_REQUIRED, target,
                            "the server requires TLS; clients offering only standard RDP security are refused", evidence,
                            Fix.manual("Nothing to fix on the server: TLS is the right policy.",
                                    "Old clients must offer TLS (mstsc 6.0+, FreeRDP /sec:tls).")));
                    out.putIfAbsent(FindingId.NLA_NOT_REQUIRED, nlaNotRequired(target, evidence));
                }
                case HYBRID_REQUIRED_BY_SERVER -> out.putIfAbsent(FindingId.NEG_HYBRID_REQUIRED,
                        Finding.of(FindingId.NEG_HYBRID_REQUIRED, target,
                                "the server requires Network Level Authentication (CredSSP)", evidence,
                                Fix.manual("Nothing to fix on the server: NLA is the recommended policy.",
                                        "Clients must support CredSSP; non-domain clients need valid credentials before the session starts.")));
                case SSL_WITH_USER_AUTH_REQUIRED_BY_SERVER -> out.putIfAbsent(FindingId.NEG_SSL_WITH_USER_AUTH_REQUIRED,
                        sslWithUserAuth(target, evidence));
                case SSL_CERT_NOT_ON_SERVER -> out.putIfAbsent(FindingId.NEG_CERT_NOT_ON_SERVER, certNotOnServer(target, evidence));
                case SSL_NOT_ALLOWED_BY_SERVER, INCONSISTENT_FLAGS ->
                        out.putIfAbsent(FindingId.NEG_INCONSISTENT_FLAGS, inconsistent(target, evidence));
            }
        }
    }

    private static Finding nlaNotRequired(String target, List<String> evidence) {
        return Finding.of(FindingId.NLA_NOT_REQUIRED, target,
                "Network Level Authentication is not required: anyone reaching the port gets a logon screen", evidence,
                Fix.manual("Windows: set RDP-Tcp UserAuthentication to 1 (System Properties > Remote > 'Allow connections only from computers running Remote Desktop with Network Level Authentication').",
                        "xrdp has no NLA: restrict who reaches the port (firewall, VPN, RD Gateway)."));
    }

    private static Finding sslNotAllowed(String target, List<String> evidence) {
        return Finding.of(FindingId.NEG_SSL_NOT_ALLOWED, target,
                "the server allows only standard RDP security: TLS and NLA clients are refused", evidence,
                Fix.manual("Windows: set RDP-Tcp SecurityLayer to 1 (negotiate) or 2 (TLS).",
                        "xrdp: set security_layer=negotiate or tls in xrdp.ini with a valid certificate and key.",
                        "FreeRDP shadow: start it with /sec:tls or /sec:nla."));
    }

    private static Finding certNotOnServer(String target, List<String> evidence) {
        return Finding.of(FindingId.NEG_CERT_NOT_ON_SERVER, target,
                "the server has no usable TLS certificate: every TLS/NLA client fails (the classic 0x904 / 0x7)", evidence,
                Fix.automated("renew-cert",
                        "Run 'rdphealth inspect' on the host to find why (missing file, unreadable key, key container gone).",
                        "Renew or reinstall the listener certificate: 'rdphealth renew-cert --xrdp' or '--windows' (or the rdpRenewCert step).",
                        "If the key is unreadable, repair its permissions instead (xrdp: group ssl-cert; Windows: NETWORK SERVICE read on the MachineKeys file)."));
    }

    private static Finding sslWithUserAuth(String target, List<String> evidence) {
        return Finding.of(FindingId.NEG_SSL_WITH_USER_AUTH_REQUIRED, target,
                "the server requires TLS with user authentication", evidence,
                Fix.manual("Clients must offer TLS with user authentication; check the server's SecurityLayer/UserAuthentication pair if this is unexpected."));
    }

    private static Finding inconsistent(String target, List<String> evidence) {
        return Finding.of(FindingId.NEG_INCONSISTENT_FLAGS, target,
                "the server's negotiation answer contradicts the request", evidence,
                Fix.manual("Check for a proxy or load balancer rewriting the RDP negotiation.",
                        "Windows: compare SecurityLayer and UserAuthentication of RDP-Tcp with the GPO values; reset them to 1/1 or 2/1.",
                        "Update the RDP server software."));
    }
}
