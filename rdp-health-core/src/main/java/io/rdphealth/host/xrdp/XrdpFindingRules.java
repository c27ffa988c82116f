package io.rdphealth.host.xrdp;

import static io.rdphealth.finding.FindingId.CERT_EXPIRED;
import static io.rdphealth.finding.FindingId.CERT_EXPIRING_SOON;
import static io.rdphealth.finding.FindingId.CERT_NOT_YET_VALID;
import static io.rdphealth.finding.FindingId.CERT_NO_SERVER_AUTH_EKU;
import static io.rdphealth.finding.FindingId.CERT_SELF_SIGNED;
import static io.rdphealth.finding.FindingId.CERT_WEAK_KEY;
import static io.rdphealth.finding.FindingId.CERT_WEAK_SIGNATURE;
import static io.rdphealth.finding.FindingId.XRDP_CERT_KEY_MISMATCH;
import static io.rdphealth.finding.FindingId.XRDP_CERT_MISSING;
import static io.rdphealth.finding.FindingId.XRDP_CONFIG_INVALID;
import static io.rdphealth.finding.FindingId.XRDP_KEY_UNREADABLE;
import static io.rdphealth.finding.FindingId.XRDP_NOT_RUNNING;
import static io.rdphealth.finding.FindingId.XRDP_TLS_PROTOCOLS_RESTRICTED;

import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.evidence.TlsVersion;
import io.rdphealth.finding.Finding;
import io.rdphealth.finding.FindingId;
import io.rdphealth.finding.Fix;
import io.rdphealth.finding.Severity;
import io.rdphealth.policy.SeverityPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns {@link XrdpHostFacts} into findings (pure). Severities start at the catalog defaults and
 * are raised where the facts make a failure certain for every client (see docs/xrdp.md); the
 * policy's overrides are applied last.
 */
public final class XrdpFindingRules {
    public static final String RENEW_CERT = "renew-cert";
    public static final String REPAIR_KEY_PERMISSIONS = "repair-key-permissions";

    private XrdpFindingRules() {
    }

    public static List<Finding> findings(XrdpHostFacts facts, SeverityPolicy policy) {
        List<Finding> findings = new ArrayList<>();
        String target = facts.target();
        if (facts.iniProblem() != null) {
            findings.add(Finding.of(XRDP_CONFIG_INVALID, target, "xrdp.ini cannot be read: " + facts.iniProblem(),
                    List.of(facts.iniProblem()), Fix.manual("Check that xrdp is installed and that " + facts.iniPath()
                            + " exists and is readable (pass --config for another location).")));
            return apply(findings, policy);
        }
        if (facts.parse() instanceof XrdpIniParse.Invalid invalid) {
            findings.add(Finding.of(XRDP_CONFIG_INVALID, target, facts.iniPath() + " " + invalid.describe(),
                    List.of(facts.iniPath() + ": " + invalid.describe()),
                    Fix.manual("Edit " + facts.iniPath() + (invalid.line() > 0 ? " line " + invalid.line() : "")
                                    + ": " + invalid.problem() + ".",
                            "Restart xrdp (systemctl restart xrdp) so it reads the corrected file.")));
            return apply(findings, policy);
        }
        XrdpConfig config = facts.config();
        String configOption = XrdpInspector.DEFAULT_INI.equals(facts.iniPath()) ? "" : " --config " + facts.iniPath();
        String renew = "rdphealth renew-cert --xrdp" + configOption;
        boolean certUsed = config.securityLayer().usesCertificate();
        String unusedNote = certUsed ? "" : " (security_layer=rdp: xrdp does not use it now)";

        ListenerFacts listener = facts.listener();
        if (listener.checked() && !listener.isXrdp()) {
            String summary = listener.listening()
                    ? "port " + config.listen().port() + " is held by " + listener.processName() + ", not xrdp"
                    : "xrdp is not listening on port " + config.listen().port();
            findings.add(Finding.of(XRDP_NOT_RUNNING, target, summary,
                    List.of(config.where("port") + "=" + config.listen().raw(), listener.detail()),
                    Fix.manual("Start xrdp: systemctl start xrdp (or check why it stopped: journalctl -u xrdp, "
                                    + config.logFile() + ").",
                            listener.listening() ? "Stop the other program on port " + config.listen().port()
                                    + " or change port= in " + facts.iniPath() + "." :
                                    "Check that port= in " + facts.iniPath() + " is the port clients use.")));
        }

        List<String> fileEvidence = new ArrayList<>();
        fileEvidence.add(config.where("certificate") + ": " + facts.certificateFile().describe());
        fileEvidence.add(config.where("key_file") + ": " + facts.keyFile().describe());
        fileEvidence.add("runtime identity: " + facts.identity());
        config.notes().forEach(note -> fileEvidence.add("note: " + note));
        List<String> withLog = new ArrayList<>(fileEvidence);
        facts.logLines().forEach(line -> withLog.add("log: " + line));

        boolean certMissing = !facts.certificateFile().exists();
        boolean keyMissing = !facts.keyFile().exists();
        if (certMissing || keyMissing) {
            String what = certMissing && keyMissing ? "certificate and key files"
                    : certMissing ? "certificate file " + config.certificate() : "key file " + config.keyFile();
            findings.add(downgradeIfUnused(Finding.of(XRDP_CERT_MISSING, target,
                    "the configured " + what + " does not exist" + unusedNote, withLog,
                    Fix.automated(RENEW_CERT, "Create a new self-signed pair: " + renew,
                            "Or install your own: " + renew + " --cert CERT.pem --key KEY.pem",
                            "Then check from the wire: rdphealth check " + target)), certUsed));
        }
        if (facts.certificateFile().exists() && facts.certificate() == null && facts.certificateProblem() != null) {
            findings.add(downgradeIfUnused(Finding.of(XRDP_CERT_MISSING, target,
                    "the certificate file holds no usable certificate" + unusedNote,
                    concat(withLog, "problem: " + facts.certificateProblem()),
                    Fix.automated(RENEW_CERT, "Replace the pair with a new one: " + renew + " (the old files are backed up)",
                            "Or install your own: " + renew + " --cert CERT.pem --key KEY.pem")), certUsed));
        }
        if (facts.keyFile().exists() && facts.keyDescription() == null && facts.keyProblem() != null) {
            findings.add(downgradeIfUnused(Finding.of(XRDP_CERT_MISSING, target,
                    "the key file holds no usable private key" + unusedNote,
                    concat(withLog, "problem: " + facts.keyProblem()),
                    Fix.automated(RENEW_CERT, "Replace the pair with a new one: " + renew + " (the old files are backed up)",
                            "Or install your own unencrypted key: " + renew + " --cert CERT.pem --key KEY.pem")), certUsed));
        }
        unreadable(facts, config, withLog, configOption, certUsed, unusedNote).ifPresent(findings::add);
        if (Boolean.FALSE.equals(facts.pairMatches())) {
            findings.add(downgradeIfUnused(Finding.of(XRDP_CERT_KEY_MISMATCH, target,
                    "the key in " + config.keyFile() + " does not belong to the certificate in " + config.certificate()
                            + ": xrdp confirms TLS, then drops the connection" + unusedNote,
                    concat(withLog, "certificate " + describe(facts.certificate())),
                    Fix.automated(RENEW_CERT, "Replace the pair with a new matching one: " + renew,
                            "Or install the matching pair: " + renew + " --cert CERT.pem --key KEY.pem")), certUsed));
        }
        if (facts.certificate() != null) {
            certificateFindings(facts, config, renew, policy, certUsed, unusedNote, findings);
        }
        protocolFindings(facts, config, findings);
        return apply(findings, policy);
    }

    private static java.util.Optional<Finding> unreadable(XrdpHostFacts facts, XrdpConfig config, List<String> evidence,
                                                          String configOption, boolean certUsed, String unusedNote) {
        FileFacts key = facts.keyFile();
        FileFacts cert = facts.certificateFile();
        boolean keyDenied = key.exists() && !key.readable();
        boolean certDenied = cert.exists() && !cert.readable();
        if (!keyDenied && !certDenied) {
            return java.util.Optional.empty();
        }
        RuntimeIdentity identity = facts.identity();
        String consequence = config.securityLayer() == SecurityLayer.TLS
                ? "TLS clients get FAILURE 3 (no certificate): nobody can connect"
                : "xrdp silently downgrades TLS clients to standard RDP security";
        String what = keyDenied ? "the key " + config.keyFile() : "the certificate " + config.certificate();
        List<String> all = new ArrayList<>(evidence);
        if (keyDenied) {
            all.add("denied: " + key.denial());
        }
        if (certDenied) {
            all.add("denied: " + cert.denial());
        }
        Finding finding = Finding.of(XRDP_KEY_UNREADABLE, facts.target(),
                "xrdp's user " + identity.user() + " cannot read " + what + ": " + consequence + unusedNote, all,
                Fix.automated(REPAIR_KEY_PERMISSIONS,
                        "Repair the permissions: rdphealth repair-key-permissions --xrdp" + configOption
                                + " (the key becomes a file owned by root, group " + identity.user()
                                + "'s group, mode 0640; a link into a shared directory is replaced by a private copy)",
                        "Or by hand on Debian: adduser " + identity.user() + " ssl-cert, then restart xrdp "
                                + "(supplementary groups are read only at process start).",
                        "Check from the wire afterwards: rdphealth check " + facts.target()));
        if (config.securityLayer() == SecurityLayer.TLS) {
            finding = finding.withSeverity(Severity.CRITICAL);
        }
        return java.util.Optional.of(downgradeIfUnused(finding, certUsed));
    }

    private static void certificateFindings(XrdpHostFacts facts, XrdpConfig config, String renew, SeverityPolicy policy,
                                            boolean certUsed, String unusedNote, List<Finding> findings) {
        CertificateInfo certificate = facts.certificate();
        String target = facts.target();
        List<String> evidence = List.of(config.where("certificate") + ": " + facts.certificateFile().describe(),
                "certificate " + describe(certificate));
        long daysLeft = certificate.daysLeft(facts.checkedAt());
        if (certificate.notAfter().isBefore(facts.checkedAt())) {
            findings.add(downgradeIfUnused(Finding.of(CERT_EXPIRED, target, "the xrdp certificate expired on "
                            + certificate.notAfter() + unusedNote, evidence,
                    Fix.automated(RENEW_CERT, "Renew it: " + renew, "Or install a new one: " + renew
                            + " --cert CERT.pem --key KEY.pem")), certUsed));
        } else if (daysLeft < policy.expiryWindowDays()) {
            findings.add(downgradeIfUnused(Finding.of(CERT_EXPIRING_SOON, target, "the xrdp certificate expires in "
                            + daysLeft + " days (" + certificate.notAfter() + ")" + unusedNote, evidence,
                    Fix.automated(RENEW_CERT, "Renew it now: " + renew + " --renew-within " + policy.expiryWindowDays())),
                    certUsed));
        }
        if (certificate.notBefore().isAfter(facts.checkedAt())) {
            findings.add(downgradeIfUnused(Finding.of(CERT_NOT_YET_VALID, target, "the xrdp certificate is valid only from "
                            + certificate.notBefore() + unusedNote, evidence,
                    Fix.automated(RENEW_CERT, "Check the host clock first (timedatectl); a wrong clock is the usual cause.",
                            "If the clock is right, renew it: " + renew + " --force")), certUsed));
        }
        boolean rsa = "RSA".equals(certificate.keyAlgorithm());
        if ((rsa && certificate.keyBits() < 2048) || (!rsa && certificate.keyBits() > 0 && certificate.keyBits() < 256)) {
            String ciphers = config.tlsCiphers() == null ? "" : config.tlsCiphers().toUpperCase(Locale.ROOT);
            boolean lowSecLevel = ciphers.contains("@SECLEVEL=0") || ciphers.contains("@SECLEVEL=1");
            Finding weak = Finding.of(CERT_WEAK_KEY, target, "the xrdp certificate has a " + certificate.keyBits() + "-bit "
                            + certificate.keyAlgorithm() + " key" + (lowSecLevel ? ""
                            : ": OpenSSL's default security level refuses it ('ee key too small'), every TLS handshake fails")
                            + unusedNote, evidence,
                    Fix.automated(RENEW_CERT, "Replace it with an RSA 2048 or ECDSA P-256 certificate: " + renew + " --force"));
            findings.add(downgradeIfUnused(lowSecLevel ? weak : weak.withSeverity(Severity.CRITICAL), certUsed));
        }
        String signature = certificate.signatureAlgorithm().toUpperCase(Locale.ROOT);
        if (signature.contains("SHA1") || signature.contains("MD5")) {
            findings.add(downgradeIfUnused(Finding.of(CERT_WEAK_SIGNATURE, target, "the xrdp certificate is signed with "
                            + certificate.signatureAlgorithm() + unusedNote, evidence,
                    Fix.automated(RENEW_CERT, "Replace it with a SHA-256 certificate: " + renew + " --force")), certUsed));
        }
        if (certificate.hasEkuExtension() && !certificate.extendedKeyUsages().contains(CertificateInfo.SERVER_AUTH_EKU)
                && !certificate.extendedKeyUsages().contains("2.5.29.37.0")) {
            findings.add(downgradeIfUnused(Finding.of(CERT_NO_SERVER_AUTH_EKU, target,
                    "the xrdp certificate lacks the Server Authentication EKU" + unusedNote,
                    concat(evidence, "EKUs: " + certificate.extendedKeyUsages()),
                    Fix.automated(RENEW_CERT, "Replace it with a server certificate: " + renew + " --force")), certUsed));
        }
        if (certificate.selfSigned()) {
            findings.add(Finding.of(CERT_SELF_SIGNED, target, "the xrdp certificate is self-signed (clients warn unless "
                            + "they trust it)", evidence,
                    Fix.manual("Install a certificate from your CA: " + renew + " --cert CERT.pem --key KEY.pem "
                                    + "(or --pkcs12 FILE.p12 --pkcs12-password-env VAR)",
                            "Or distribute this certificate to the clients' trust stores.")));
        }
    }

    private static void protocolFindings(XrdpHostFacts facts, XrdpConfig config, List<Finding> findings) {
        if (!config.securityLayer().usesCertificate()) {
            return;
        }
        List<String> evidence = new ArrayList<>();
        evidence.add(config.where("ssl_protocols") + "=" + (config.sslProtocols() == null ? "(OpenSSL default)" : config.sslProtocols()));
        evidence.add("enabled: " + facts.protocols().stream().sorted().map(TlsVersion::label).collect(Collectors.joining(", ")));
        String fixProtocols = "Set ssl_protocols=TLSv1.2, TLSv1.3 in " + facts.iniPath() + " [Globals].";
        if (!TlsProtocols.hasModern(facts.protocols())) {
            findings.add(Finding.of(XRDP_TLS_PROTOCOLS_RESTRICTED, facts.target(),
                    facts.protocols().isEmpty() ? "ssl_protocols enables no TLS version: xrdp accepts no TLS connection"
                            : "ssl_protocols enables neither TLS 1.2 nor TLS 1.3: current clients refuse the handshake",
                    evidence, Fix.manual(fixProtocols, "Restart xrdp (systemctl restart xrdp).")));
            return;
        }
        CipherListCheck.Result ciphers = facts.ciphers();
        if (ciphers == null) {
            return;
        }
        evidence.add(config.where("tls_ciphers") + "=" + config.tlsCiphers());
        evidence.add(ciphers.detail());
        String fixCiphers = "Set tls_ciphers=HIGH (or remove the line) in " + facts.iniPath() + " [Globals].";
        if (!ciphers.accepted()) {
            findings.add(Finding.of(XRDP_TLS_PROTOCOLS_RESTRICTED, facts.target(),
                            "OpenSSL rejects tls_ciphers=" + config.tlsCiphers() + ": xrdp refuses every TLS connection",
                            evidence, Fix.manual(fixCiphers, "Restart xrdp (systemctl restart xrdp)."))
                    .withSeverity(Severity.CRITICAL));
        } else if (ciphers.tls12Suites().isEmpty() && facts.protocols().contains(TlsVersion.TLS_1_2)) {
            findings.add(Finding.of(XRDP_TLS_PROTOCOLS_RESTRICTED, facts.target(),
                    "tls_ciphers=" + config.tlsCiphers() + " leaves no TLS 1.2 cipher suite", evidence,
                    Fix.manual(fixCiphers, "Restart xrdp (systemctl restart xrdp).")));
        }
    }

    /** With security_layer=rdp the certificate is unused: its problems are context, not failures. */
    private static Finding downgradeIfUnused(Finding finding, boolean certUsed) {
        return certUsed ? finding : finding.withSeverity(Severity.INFO);
    }

    private static List<Finding> apply(List<Finding> findings, SeverityPolicy policy) {
        return findings.stream().map(policy::apply)
                .sorted(java.util.Comparator.comparing(Finding::severity).reversed())
                .toList();
    }

    static String describe(CertificateInfo certificate) {
        if (certificate == null) {
            return "(unreadable)";
        }
        return certificate.subject() + ", SHA-256 " + certificate.sha256() + ", " + certificate.keyAlgorithm() + " "
                + certificate.keyBits() + ", " + certificate.signatureAlgorithm() + ", valid " + certificate.notBefore()
                + " .. " + certificate.notAfter();
    }

    private static List<String> concat(List<String> list, String extra) {
        List<String> all = new ArrayList<>(list);
        all.add(extra);
        return all;
    }

    /** Wire findings each xrdp host finding explains (for the diagnosis layer that joins both). */
    public static List<FindingId> explains(FindingId hostFinding) {
        return switch (hostFinding) {
            case XRDP_NOT_RUNNING -> List.of(FindingId.TCP_REFUSED, FindingId.TCP_TIMEOUT);
            case XRDP_KEY_UNREADABLE -> List.of(FindingId.TLS_DOWNGRADED_TO_RDP, FindingId.NEG_CERT_NOT_ON_SERVER);
            case XRDP_CERT_MISSING -> List.of(FindingId.NEG_CERT_NOT_ON_SERVER, FindingId.TLS_DOWNGRADED_TO_RDP,
                    FindingId.TLS_HANDSHAKE_FAILED);
            case XRDP_CERT_KEY_MISMATCH -> List.of(FindingId.TLS_HANDSHAKE_FAILED, FindingId.CONNECTION_DROPPED);
            case XRDP_TLS_PROTOCOLS_RESTRICTED -> List.of(FindingId.TLS_NO_MODERN_VERSION, FindingId.TLS_HANDSHAKE_FAILED);
            case CERT_WEAK_KEY -> List.of(FindingId.TLS_HANDSHAKE_FAILED, FindingId.CONNECTION_DROPPED);
            default -> List.of();
        };
    }
}
