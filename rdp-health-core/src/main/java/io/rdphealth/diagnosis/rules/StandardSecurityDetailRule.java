package io.rdphealth.diagnosis.rules;

import io.rdphealth.diagnosis.DiagnosisContext;
import io.rdphealth.diagnosis.Rule;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import java.util.ArrayList;
import java.util.List;

/** Runs {@link StandardSecurityRule} over every address whose standard-security exchange was probed. */
public final class StandardSecurityDetailRule implements Rule {
    private final StandardSecurityRule rule = new StandardSecurityRule();

    @Override
    public List<Finding> evaluate(DiagnosisContext context) {
        List<Finding> findings = new ArrayList<>();
        for (WireEvidence address : context.result().addresses()) {
            findings.addAll(rule.evaluate(address.standardSecurity(), context.label(address)));
        }
        return findings;
    }

    /** Whether the detailed rule speaks for this address (so the bare negotiation finding stays silent). */
    static boolean covers(WireEvidence address) {
        return address.standardSecurity() != null && address.standardSecurity().standardSecurityAccepted();
    }
}
