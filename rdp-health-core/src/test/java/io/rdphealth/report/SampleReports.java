package io.rdphealth.report;

import io.rdphealth.evidence.CertificateEvidence;
import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.evidence.ConnectSample;
import io.rdphealth.evidence.DnsEvidence;
import io.rdphealth.evidence.ExchangeFailure;
import io.rdphealth.evidence.FailureKind;
import io.rdphealth.evidence.NegotiationEvidence;
import io.rdphealth.evidence.NtlmEvidence;
import io.rdphealth.evidence.TcpEvidence;
import io.rdphealth.evidence.TlsEvidence;
import io.rdphealth.evidence.TlsVersion;
import io.rdphealth.evidence.TlsVersionResult;
import io.rdphealth.evidence.WireEvidence;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.target.Target;
import io.rdphealth.wire.NtlmChallenge;
import io.rdphealth.wire.SecurityProtocol;
import io.rdphealth.wire.X224Confirm;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Run reports built by hand for the report renderers' tests. These are test data, not a test
 * double of a peer: the renderers consume {@link RunReport} values, and the values here cover
 * every shape the model has (healthy, warning, root cause with symptoms, unreachable) plus a
 * hostile server whose certificate subject and NTLM names carry HTML/script payloads.
 */
public final class SampleReports {
    /** A payload that breaks out of HTML text, attributes and an inline script if anything is left unescaped. */
    public static final String PAYLOAD = "</script><script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">'&\u001b[31m";

    private SampleReports() {
    }

    /** A run at {@code at} with four ordinary targets; {@code shift} varies certificate days and latency. */
    public static RunReport mixedRun(Instant at, int shift) {
        return new RunReport(RunReport.SCHEMA_VERSION, "rdphealth 0.1.0-test", at, 1234.5, List.of(
                healthy("rdp1.example.test:3389", at, 200 - shift, 40 + shift * 3),
                expiring("rdp2.example.test:3390", at, 12 - shift, 55 + shift),
                downgraded("xrdp.example.test", at),
                refused("10.0.0.9:3389", at)));
    }

    /**
     * A run of a history that changes over time, for trend charts worth looking at: a certificate
     * counts down and is renewed at run 10, a server is down in runs 6-8, an xrdp host loses its
     * key permissions from run 10 on, and handshake times wander.
     */
    public static RunReport evolvingRun(Instant at, int i) {
        long rdp2Days = i < 10 ? 52 - 4L * i : 365 - i;
        return new RunReport(RunReport.SCHEMA_VERSION, "rdphealth 0.1.0-test", at, 900 + 37.0 * i, List.of(
                healthy("rdp1.example.test:3389", at, 200 - i, 30 + (i * 7) % 20),
                rdp2Days < 30 ? expiring("rdp2.example.test:3390", at, rdp2Days, 45 + (i * 5) % 25)
                        : healthy("rdp2.example.test:3390", at, rdp2Days, 45 + (i * 5) % 25),
                i >= 10 ? downgraded("xrdp.example.test", at) : healthy("xrdp.example.test", at, 90 - i, 20 + i),
                i >= 6 && i <= 8 ? refused("10.0.0.9:3389", at) : healthy("10.0.0.9:3389", at, 300 - i, 60 + (i * 11) % 30)));
    }

    /** A run with one target whose server sent hostile text in every server-controlled field. */
    public static RunReport hostileRun(Instant at) {
        Target target = Target.of("evil.example.test", 3389);
        WireEvidence wire = new WireEvidence("192.0.2.66", tcp(), response(SecurityProtocol.HYBRID), null,
                tls(TlsVersion.TLS_1_2, 77), List.of(),
                certificate("CN=" + PAYLOAD + ",O=Evil", at, 5), ntlm(PAYLOAD), 2, 300);
        Finding finding = Finding.of(FindingId.CERT_EXPIRING_SOON, target.input(),
                "certificate " + PAYLOAD + " expires in 5 days",
                List.of("subject: CN=" + PAYLOAD, "Server: " + PAYLOAD),
                Fix.manual("renew " + PAYLOAD));
        TargetResult result = new TargetResult(target, new DnsEvidence(List.of("192.0.2.66"), 1.5, null),
                List.of(wire), List.of(finding), at, 320);
        return new RunReport(RunReport.SCHEMA_VERSION, "rdphealth 0.1.0-test", at, 330, List.of(result));
    }

    public static TargetResult healthy(String input, Instant at, long daysLeft, double handshakeMillis) {
        Target target = Target.parse(input, Target.DEFAULT_PORT);
        WireEvidence wire = new WireEvidence("192.0.2.10", tcp(),
                response(SecurityProtocol.HYBRID), new NegotiationEvidence(0,
                        new X224Confirm.NegotiationFailure(5), null, 3.1),
                tls(TlsVersion.TLS_1_3, handshakeMillis),
                List.of(new TlsVersionResult(TlsVersion.TLS_1_0, false, "protocol_version alert"),
                        new TlsVersionResult(TlsVersion.TLS_1_2, true, null),
                        new TlsVersionResult(TlsVersion.TLS_1_3, true, null)),
                certificate("CN=rdp1.example.test", at, daysLeft), ntlm("EXAMPLE"), 6, 210);
        Finding info = Finding.of(FindingId.NEG_HYBRID_REQUIRED, target.input(),
                "the server requires NLA (HYBRID)", List.of("RDP_NEG_FAILURE code 5 to a request for RDP only"),
                Fix.manual("Use a client with CredSSP support."));
        return new TargetResult(target, new DnsEvidence(List.of("192.0.2.10"), 2.0, null), List.of(wire),
                List.of(info), at, 230);
    }

    public static TargetResult expiring(String input, Instant at, long daysLeft, double handshakeMillis) {
        Target target = Target.parse(input, Target.DEFAULT_PORT);
        WireEvidence wire = new WireEvidence("192.0.2.11", tcp(), response(SecurityProtocol.SSL), null,
                tls(TlsVersion.TLS_1_2, handshakeMillis), List.of(),
                certificate("CN=rdp2.example.test,O=Example", at, daysLeft), null, 3, 150);
        Finding expiring = Finding.of(FindingId.CERT_EXPIRING_SOON, target.input(),
                "the certificate CN=rdp2.example.test expires in " + daysLeft + " days",
                List.of("notAfter " + at.plus(Duration.ofDays(daysLeft)), "window 30 days"),
                Fix.automated("renew-cert", "Run: rdphealth renew-cert on " + target.input(),
                        "Check again: rdphealth check " + target.input()));
        Finding nla = Finding.of(FindingId.NLA_NOT_REQUIRED, target.input(),
                "the server selected SSL without requiring NLA", List.of("RDP_NEG_RSP selectedProtocol 0x1"),
                Fix.manual("Require NLA: set UserAuthentication = 1 on the RDP-Tcp listener."));
        return new TargetResult(target, new DnsEvidence(List.of("192.0.2.11"), 1.0, null), List.of(wire),
                List.of(expiring, nla), at, 170);
    }

    /** An xrdp whose key is unreadable: root cause with the downgrade it explains as a symptom. */
    public static TargetResult downgraded(String input, Instant at) {
        Target target = Target.parse(input, Target.DEFAULT_PORT);
        WireEvidence wire = new WireEvidence("192.0.2.12", tcp(), response(SecurityProtocol.RDP),
                new NegotiationEvidence(0, new X224Confirm.NegotiationResponse(0, 0), null, 2.0), null, List.of(),
                null, null, 2, 90);
        Finding symptom = Finding.of(FindingId.TLS_DOWNGRADED_TO_RDP, target.input(),
                "TLS was requested but the server chose standard RDP security",
                List.of("requested SSL|HYBRID|HYBRID_EX, RDP_NEG_RSP selectedProtocol 0x0"),
                Fix.manual("Fix the root cause (the key xrdp cannot read)."));
        Finding root = Finding.of(FindingId.XRDP_KEY_UNREADABLE, target.input(),
                "xrdp cannot read /etc/xrdp/key.pem", List.of("key.pem mode 0600 owner root", "xrdp runs as xrdp"),
                Fix.automated("xrdp-key-permissions", "chgrp xrdp /etc/xrdp/key.pem", "chmod 0640 /etc/xrdp/key.pem",
                        "systemctl restart xrdp")).withSymptoms(List.of(symptom));
        return new TargetResult(target, new DnsEvidence(List.of("192.0.2.12"), 1.2, null), List.of(wire),
                List.of(root), at, 95);
    }

    public static TargetResult refused(String input, Instant at) {
        Target target = Target.parse(input, Target.DEFAULT_PORT);
        WireEvidence wire = new WireEvidence("10.0.0.9", new TcpEvidence(List.of(ConnectSample.failed(FailureKind.REFUSED))),
                null, null, null, List.of(), null, null, 1, 1.4);
        Finding refused = Finding.of(FindingId.TCP_REFUSED, target.input(), "10.0.0.9:3389 refused the connection",
                List.of("RST in answer to SYN after 0.4 ms"),
                Fix.manual("Start the RDP service.", "Open TCP 3389 in the host firewall."));
        return new TargetResult(target, new DnsEvidence(List.of("10.0.0.9"), 0.1, null), List.of(wire),
                List.of(refused), at, 2);
    }

    private static TcpEvidence tcp() {
        return new TcpEvidence(List.of(ConnectSample.ok(0.8), ConnectSample.ok(1.1), ConnectSample.ok(0.9)));
    }

    private static NegotiationEvidence response(SecurityProtocol selected) {
        return new NegotiationEvidence(0x0B, new X224Confirm.NegotiationResponse(0x1F, selected.bit()), null, 2.5);
    }

    private static TlsEvidence tls(TlsVersion version, double millis) {
        return new TlsEvidence(version, "TLS_AES_256_GCM_SHA384", millis, null);
    }

    static TlsEvidence failedTls() {
        return new TlsEvidence(null, null, 12, new ExchangeFailure(FailureKind.TLS_ERROR, "handshake_failure alert", 12));
    }

    private static CertificateEvidence certificate(String subject, Instant at, long daysLeft) {
        CertificateInfo leaf = new CertificateInfo(subject, subject, "0A1B", "AB".repeat(20), "CD".repeat(32),
                at.minus(Duration.ofDays(30)), at.plus(Duration.ofDays(daysLeft)).plusSeconds(3600), true, "RSA", 2048,
                "SHA256withRSA", List.of("DNS:rdp.example.test"), List.of(CertificateInfo.SERVER_AUTH_EKU), true,
                "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
        return new CertificateEvidence(List.of(leaf), at, "rdp.example.test", true, false, "self-signed");
    }

    private static NtlmEvidence ntlm(String name) {
        return new NtlmEvidence(6, new NtlmChallenge(name, 0xE2898215L, name, name, name + ".example.test",
                "example.test", "example.test", "10.0.20348", Instant.parse("2026-01-01T00:00:00Z")), null);
    }
}
