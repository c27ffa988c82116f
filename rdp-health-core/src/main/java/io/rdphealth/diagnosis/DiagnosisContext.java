package io.rdphealth.diagnosis;

import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.report.TargetResult;
import io.rdphealth.wire.NegotiationFailureCode;
import io.rdphealth.wire.X224Confirm;

/**
 * What rules read: the target's wire evidence and the policy (for windows such as the expiry days).
 *
 * @param result the probe's result (findings not yet filled in)
 * @param policy the user's severity policy
 */
public record DiagnosisContext(TargetResult result, SeverityPolicy policy) {

    public String target() {
        return result.target().input();
    }

    /** A finding's target label: the target, plus the address when several were probed. */
    public String label(WireEvidence address) {
        return result.addresses().size() > 1 ? target() + " (" + address.address() + ")" : target();
    }

    /** Whether the standard-RDP-only request was refused because TLS or NLA is required. */
    public static boolean requiresTls(WireEvidence address) {
        if (address.rdpOnly() != null && address.rdpOnly().confirm() instanceof X224Confirm.NegotiationFailure failure) {
            NegotiationFailureCode code = failure.failure();
            return code == NegotiationFailureCode.SSL_REQUIRED_BY_SERVER
                    || code == NegotiationFailureCode.HYBRID_REQUIRED_BY_SERVER
                    || code == NegotiationFailureCode.SSL_WITH_USER_AUTH_REQUIRED_BY_SERVER;
        }
        return false;
    }
}
