package io.rdphealth.diagnosis;

import io.rdphealth.finding.Finding;
import java.util.List;

/**
 * One small diagnosis unit: reads the evidence it needs from the context and emits the findings
 * it owns (at the catalog default or a severity the evidence justifies). The severity policy is
 * applied afterwards, in one place, so rules stay policy-free except for windows they read.
 */
@FunctionalInterface
public interface Rule {
    List<Finding> evaluate(DiagnosisContext context);
}
