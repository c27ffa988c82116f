package io.rdphealth.evidence;

import java.util.List;

/**
 * Everything the wire probe saw at one address of a target. Components the probe could not reach
 * (because an earlier step failed or did not apply) are {@code null}.
 *
 * @param address        the IP address probed
 * @param tcp            connect-time samples of every connection opened
 * @param preferred      negotiation asking SSL|HYBRID|HYBRID_EX: what the server prefers
 * @param rdpOnly        negotiation asking standard RDP security only: is legacy RDP allowed
 * @param tls            handshake on the preferred connection
 * @param tlsVersions    one result per TLS version tried alone
 * @param certificate    the certificate chain and its checks
 * @param ntlm           CredSSP/NTLM information when HYBRID was selected
 * @param connections    TCP connections this probe opened at this address
 * @param millis         wall time for this address
 * @param standardSecurity the MCS exchange under standard RDP security (encryption methods and
 *                       level, RDSTLS / HYBRID_EX answers), when the server accepts it and it was probed
 */
public record WireEvidence(
        String address,
        TcpEvidence tcp,
        NegotiationEvidence preferred,
        NegotiationEvidence rdpOnly,
        TlsEvidence tls,
        List<TlsVersionResult> tlsVersions,
        CertificateEvidence certificate,
        NtlmEvidence ntlm,
        int connections,
        double millis,
        StandardSecurityEvidence standardSecurity) {

    public WireEvidence {
        tlsVersions = tlsVersions == null ? List.of() : List.copyOf(tlsVersions);
    }

    /** Evidence without the standard-security exchange (the server refused standard RDP security, or it was not asked). */
    public WireEvidence(String address, TcpEvidence tcp, NegotiationEvidence preferred, NegotiationEvidence rdpOnly,
            TlsEvidence tls, List<TlsVersionResult> tlsVersions, CertificateEvidence certificate, NtlmEvidence ntlm,
            int connections, double millis) {
        this(address, tcp, preferred, rdpOnly, tls, tlsVersions, certificate, ntlm, connections, millis, null);
    }
}
