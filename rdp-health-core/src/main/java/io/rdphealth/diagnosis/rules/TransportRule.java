package io.rdphealth.diagnosis.rules;

import io.rdphealth.diagnosis.DiagnosisContext;
import io.rdphealth.diagnosis.Rule;
import io.rdphealth.evidence.ExchangeFailure;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import java.util.ArrayList;
import java.util.List;

/**
 * TCP_REFUSED, TCP_TIMEOUT, SERVER_SILENT, NOT_RDP, CONNECTION_DROPPED: how the main X.224
 * exchange failed, when it did.
 */
public final class TransportRule implements Rule {
    @Override
    public List<Finding> evaluate(DiagnosisContext context) {
        List<Finding> findings = new ArrayList<>();
        for (WireEvidence address : context.result().addresses()) {
            ExchangeFailure failure = address.preferred().failure();
            if (failure == null) {
                continue;
            }
            String target = context.label(address);
            String port = String.valueOf(context.result().target().port());
            List<String> evidence = List.of("X.224 request to " + address.address() + ":" + port + ": " + failure.detail(),
                    "after " + failure.afterMillis() + " ms");
            Finding finding = switch (failure.kind()) {
                case REFUSED, DNS_UNRESOLVED -> Finding.of(FindingId.TCP_REFUSED, target,
                        "connection to port " + port + " refused: nothing listens there or a firewall rejects it", evidence,
                        Fix.manual("Check that Remote Desktop is enabled and its service runs (Windows: TermService; Linux: xrdp).",
                                "Check the listener port (Windows: RDP-Tcp PortNumber; xrdp: port= in xrdp.ini) matches " + port + ".",
                                "Check host and network firewalls for a reject rule on TCP " + port + ".",
                                "Run 'rdphealth inspect' on the host to read the service, port and firewall state."));
                case CONNECT_TIMEOUT -> Finding.of(FindingId.TCP_TIMEOUT, target,
                        "no answer to the TCP handshake on port " + port + ": host down or a firewall drops the packets", evidence,
                        Fix.manual("Check that the host is up (console, hypervisor, cloud portal).",
                                "Check the Remote Desktop firewall rule on the host (Windows rule group 'Remote Desktop') for the active profile.",
                                "Check network security groups / perimeter firewalls between client and host allow TCP " + port + ".",
                                "From the client: Test-NetConnection -ComputerName HOST -Port " + port + " (or nc -vz HOST " + port + ")."));
                case SILENT, DEADLINE -> Finding.of(FindingId.SERVER_SILENT, target,
                        "TCP connects but no complete X.224 answer came before the deadline (hung service or a tarpit)", evidence,
                        Fix.manual("Restart the RDP service (Windows: Restart-Service TermService -Force; Linux: systemctl restart xrdp).",
                                "Check that the port is not held by another program or a TLS/IPS middlebox that swallows the request.",
                                "Look for hung sessions or resource exhaustion on the host."));
                case NOT_RDP, MALFORMED -> Finding.of(FindingId.NOT_RDP, target,
                        "something answers on port " + port + " but it is not an RDP listener", evidence,
                        Fix.manual("Check which program owns port " + port + " on the host (netstat -abno / ss -ltnp).",
                                "Point clients at the RDP port, or move the other service.",
                                "If an RD Gateway or proxy is in front, probe it with --gateway instead."));
                case DROPPED, TLS_ERROR -> Finding.of(FindingId.CONNECTION_DROPPED, target,
                        "the server closed or reset the connection during the X.224 negotiation (client error 0x904 / 0x7)", evidence,
                        Fix.manual("Read the server's logs for the moment of the probe (Windows System log: TerminalServices-RemoteConnectionManager, Schannel; xrdp: xrdp.log).",
                                "Check security software or a firewall that resets RDP streams.",
                                "Run 'rdphealth inspect' on the host: certificate, key permissions and TLS settings are the usual causes."));
            };
            findings.add(finding);
        }
        return findings;
    }
}
