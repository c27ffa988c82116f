package io.rdphealth.diagnosis.rules;

import io.rdphealth.diagnosis.DiagnosisContext;
import io.rdphealth.diagnosis.Rule;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import java.util.List;

/** DNS_UNRESOLVED: nothing else can be checked when the name does not resolve. */
public final class DnsRule implements Rule {
    @Override
    public List<Finding> evaluate(DiagnosisContext context) {
        var dns = context.result().dns();
        if (dns == null || dns.resolved()) {
            return List.of();
        }
        return List.of(Finding.of(FindingId.DNS_UNRESOLVED, context.target(),
                "'" + context.result().target().host() + "' does not resolve: " + dns.error(),
                List.of("resolver: " + dns.error(), "resolution took " + dns.millis() + " ms"),
                Fix.manual("Check the spelling of the host name and the DNS suffix the client uses.",
                        "Resolve it from the client: nslookup " + context.result().target().host(),
                        "If the host is new or renamed, register its A/AAAA record (or use its IP address).")));
    }
}
