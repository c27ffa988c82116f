package io.rdphealth.diagnosis.rules;

import io.rdphealth.diagnosis.DiagnosisContext;
import io.rdphealth.diagnosis.Rule;
import io.rdphealth.evidence.TlsVersionResult;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import java.util.ArrayList;
import java.util.List;

/** TLS_HANDSHAKE_FAILED, TLS_NO_MODERN_VERSION, TLS_LEGACY_VERSION_ENABLED. */
public final class TlsRule implements Rule {
    @Override
    public List<Finding> evaluate(DiagnosisContext context) {
        List<Finding> findings = new ArrayList<>();
        for (WireEvidence address : context.result().addresses()) {
            String target = context.label(address);
            if (address.tls() != null && !address.tls().succeeded()) {
                findings.add(Finding.of(FindingId.TLS_HANDSHAKE_FAILED, target,
                        "the server selected TLS in X.224 but the TLS handshake failed: clients get 0x904 / 0x7",
                        List.of("X.224 selected " + address.preferred().selected(), "TLS: " + address.tls().failure().detail()),
                        Fix.manual("Run 'rdphealth inspect' on the host: certificate/key mismatch, a key too small for the TLS library, an unreadable key or a cipher policy are the usual causes.",
                                "xrdp: read xrdp.log for 'do not match', 'ee key too small' or SSL_accept lines.",
                                "Windows: read the System log for Schannel 36870/36871/36874/36888 and RemoteConnectionManager 1057/1058.",
                                "Renew the certificate if it is broken ('rdphealth renew-cert').")));
            }
            List<TlsVersionResult> versions = address.tlsVersions();
            if (versions.isEmpty()) {
                continue;
            }
            List<String> evidence = versions.stream().map(v -> v.version().label() + ": "
                    + (v.accepted() ? "accepted" : "refused (" + v.detail() + ")")).toList();
            boolean modern = versions.stream().anyMatch(v -> v.accepted() && !v.version().isLegacy());
            boolean legacy = versions.stream().anyMatch(v -> v.accepted() && v.version().isLegacy());
            if (!modern && legacy) {
                findings.add(Finding.of(FindingId.TLS_NO_MODERN_VERSION, target,
                        "the server offers no TLS 1.2 or 1.3: current clients refuse to connect", evidence,
                        Fix.manual("Windows: enable TLS 1.2 for the server under SCHANNEL\\Protocols\\TLS 1.2\\Server (Enabled=1, DisabledByDefault=0) and reboot.",
                                "xrdp: set ssl_protocols=TLSv1.2, TLSv1.3 in xrdp.ini.")));
            }
            if (legacy) {
                findings.add(Finding.of(FindingId.TLS_LEGACY_VERSION_ENABLED, target,
                        "TLS 1.0 or 1.1 is accepted (deprecated, weak)", evidence,
                        Fix.manual("Windows: disable TLS 1.0/1.1 server side in SCHANNEL (after checking no old client still needs them).",
                                "xrdp: remove TLSv1 and TLSv1.1 from ssl_protocols in xrdp.ini.")));
            }
        }
        return findings;
    }
}
