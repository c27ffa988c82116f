package io.rdphealth.diagnosis.rules;

import io.rdphealth.diagnosis.DiagnosisContext;
import io.rdphealth.diagnosis.Rule;
import io.rdphealth.evidence.TcpEvidence;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import java.util.ArrayList;
import java.util.List;

/**
 * NETWORK_UNSTABLE: some connects fail while others succeed, or connect times vary far more than
 * a stable path allows: jitter above both 200 ms and twice the median. A kernel SYN retry (about
 * 1 s) is such a sign; the tens of milliseconds a busy client adds to its own connect timings (200
 * targets probed at once on two cores) are not, so the floor sits above them, and jitter no larger
 * than the client's own measured scheduling lag in the same window ({@link TcpEvidence#clientLagMillis})
 * is not blamed on the path either.
 */
public final class NetworkStabilityRule implements Rule {
    static final double JITTER_FLOOR_MILLIS = 200;

    @Override
    public List<Finding> evaluate(DiagnosisContext context) {
        List<Finding> findings = new ArrayList<>();
        for (WireEvidence address : context.result().addresses()) {
            TcpEvidence tcp = address.tcp();
            if (tcp == null || tcp.samples().isEmpty() || tcp.medianMillis() == null) {
                continue;
            }
            boolean partialLoss = tcp.failures() > 0;
            Double jitter = tcp.jitterMillis();
            // A client that itself ran late by as much explains the jitter: not the path's fault.
            boolean clientExplains = jitter != null && tcp.clientLagMillis() != null && tcp.clientLagMillis() >= jitter;
            boolean jittery = jitter != null && jitter > JITTER_FLOOR_MILLIS && jitter > 2 * tcp.medianMillis()
                    && !clientExplains;
            if (!partialLoss && !jittery) {
                continue;
            }
            findings.add(Finding.of(FindingId.NETWORK_UNSTABLE, context.label(address),
                    String.format("connects to %s are unstable: %d of %d failed, jitter %s ms", address.address(),
                            tcp.failures(), tcp.samples().size(), jitter == null ? "n/a" : String.format("%.1f", jitter)),
                    List.of(String.format("connect ms min %.2f / median %.2f / max %.2f", tcp.minMillis(), tcp.medianMillis(),
                            tcp.maxMillis()), "failed connects: " + tcp.failures() + " of " + tcp.samples().size(),
                            tcp.clientLagMillis() == null ? "client scheduling lag: not measured"
                                    : String.format("client scheduling lag at most %.1f ms meanwhile", tcp.clientLagMillis())),
                    Fix.manual("Repeat the check with more samples (--samples 10) to confirm.",
                            "Check the path for loss: mtr/pathping from the client to the host.",
                            "Check VPN, Wi-Fi or overloaded links between client and host; RDP over UDP (3389/udp) suffers first.")));
        }
        return findings;
    }
}
