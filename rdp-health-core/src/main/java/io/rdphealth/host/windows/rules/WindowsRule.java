package io.rdphealth.host.windows.rules;

import io.rdphealth.finding.Finding;
import io.rdphealth.host.windows.WindowsHostFacts;
import java.util.List;

/** One concern of the Windows diagnosis: facts in, findings out. Pure. */
@FunctionalInterface
public interface WindowsRule {
    List<Finding> check(WindowsHostFacts facts, WindowsRuleContext context);
}
