package io.rdphealth.cli;

import io.rdphealth.cert.KeyMaterial;
import io.rdphealth.cert.RenewalWindow;
import io.rdphealth.cli.windows.WindowsCommands;
import io.rdphealth.host.windows.WireListenerVerifier;
import io.rdphealth.policy.SeverityPolicy;
import io.rdphealth.cert.PemCodec;
import io.rdphealth.cert.PemFormatException;
import io.rdphealth.cert.Pkcs12Reader;
import io.rdphealth.cert.SelfSignedSpec;
import io.rdphealth.fix.ChangeListener;
import io.rdphealth.fix.ChangeRunner;
import io.rdphealth.fix.Step;
import io.rdphealth.host.xrdp.NewCertificate;
import io.rdphealth.host.xrdp.SystemctlRestarter;
import io.rdphealth.host.xrdp.WireServedCertificateSource;
import io.rdphealth.host.xrdp.XrdpCertificateRenewal;
import io.rdphealth.host.xrdp.XrdpChangeResult;
import io.rdphealth.host.xrdp.XrdpInspector;
import io.rdphealth.host.xrdp.XrdpRenewalRequest;
import io.rdphealth.renew.RenewalResult;
import io.rdphealth.report.ReportJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code rdphealth renew-cert --xrdp ...}: renew the RDP server certificate when needed, safely
 * (lock, backup, atomic write, verify from the wire, roll back on failure).
 */
@Command(name = "renew-cert", mixinStandardHelpOptions = true,
        description = "Renew this host's RDP certificate when it is expired, expiring, missing, unreadable or mismatched; "
                + "otherwise do nothing. Every change is verified from the wire and rolled back if the check fails.")
public final class RenewCertCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Platform platform;

    /** Which server. */
    static final class Platform {
        @Option(names = "--xrdp", required = true, description = "Renew xrdp's certificate (Linux).")
        boolean xrdp;

        @Option(names = "--windows", required = true, description = "Renew (self-signed) or install (--pkcs12) the "
                + "certificate of this Windows host's RDP listener (run as administrator; see docs/windows.md).")
        boolean windows;
    }

    /** Options of the xrdp renewal that mean nothing on Windows (a usage error there, not silently ignored). */
    private static final List<String> XRDP_ONLY = List.of("--config", "--key-type", "--key-size", "--validity-days",
            "--san", "--cert", "--key", "--state-dir", "--lock-timeout", "--no-restart");

    @Option(names = "--config", paramLabel = "FILE", description = "xrdp.ini (default: ${DEFAULT-VALUE}).")
    Path config = XrdpInspector.DEFAULT_INI;

    @Option(names = "--renew-within", paramLabel = "DAYS", defaultValue = "30",
            description = "Renew when fewer days are left (default: ${DEFAULT-VALUE}).")
    int renewWithin;

    @Option(names = "--force", description = "Renew even when the certificate is fine.")
    boolean force;

    @Option(names = "--dry-run", description = "Print the plan and change nothing.")
    boolean dryRun;

    @Option(names = "--key-type", paramLabel = "rsa|ec", defaultValue = "rsa", description = "New key type (default: ${DEFAULT-VALUE}).")
    String keyType;

    @Option(names = "--key-size", paramLabel = "BITS",
            description = "RSA bits (2048..8192, default 2048) or EC size (256 or 384, default 256).")
    Integer keySize;

    @Option(names = "--validity-days", paramLabel = "DAYS", defaultValue = "365",
            description = "Validity of a new self-signed certificate (default: ${DEFAULT-VALUE}).")
    int validityDays;

    @Option(names = "--san", paramLabel = "NAME", description = "Name for the new certificate (repeatable; default: "
            + "the host name plus the current certificate's names).")
    List<String> names = new ArrayList<>();

    @Option(names = "--cert", paramLabel = "PEM", description = "Install this certificate (chain, leaf first) ...")
    Path certPem;

    @Option(names = "--key", paramLabel = "PEM", description = "... with this unencrypted private key.")
    Path keyPem;

    @Option(names = {"--pkcs12", "--pfx"}, paramLabel = "FILE", description = "Install the key and chain of this PKCS#12 file.")
    Path pkcs12;

    @Option(names = "--pkcs12-password-env", paramLabel = "VAR", description = "Environment variable holding the PKCS#12 password.")
    String passwordEnv;

    @Option(names = "--pkcs12-password-file", paramLabel = "FILE", description = "File whose first line is the PKCS#12 password.")
    Path passwordFile;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Lock, journal and backups (default: ${DEFAULT-VALUE}).")
    Path stateDir = Path.of("/var/lib/rdphealth");

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Wait this long for another change on this host (default: ${DEFAULT-VALUE}).")
    int lockTimeout;

    @Option(names = "--no-restart", description = "Never restart xrdp, even if it still serves the old certificate.")
    boolean noRestart;

    @Option(names = "--json", description = "Print the result as JSON on standard output (platform, action, reason, "
            + "before, after, steps, rollbackReason, rollbackComplete: what the Jenkins step records); the progress "
            + "goes to standard error.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (platform.windows) {
            return renewWindows(out);
        }
        NewCertificate certificate = newCertificate();
        XrdpRenewalRequest request = new XrdpRenewalRequest(config, renewWithin, force, dryRun, certificate);
        // With --json standard output carries the JSON document alone.
        PrintWriter steps = json ? err : out;
        ChangeListener progress = new ChangeListener() {
            @Override
            public void beforeStep(int index, Step step) {
                steps.println("  [" + (index + 1) + "] " + step.description());
                steps.flush();
            }

            @Override
            public void undone(String description) {
                steps.println("  undone: " + description);
                steps.flush();
            }
        };
        Clock clock = Clock.systemUTC();
        XrdpInspector inspector = new XrdpInspector();
        XrdpChangeResult result = new XrdpCertificateRenewal(inspector,
                new ChangeRunner(stateDir, List.of(), progress, Duration.ofSeconds(lockTimeout), clock),
                new WireServedCertificateSource(), noRestart ? Optional.empty() : SystemctlRestarter.ifSystemd(), clock)
                .renew(request);
        if (json) {
            err.println(result.status() + ": " + result.reason());
            err.flush();
            out.println(new ReportJson().writeValue(RenewalResult.ofXrdp(result, certificate instanceof NewCertificate.Provided)));
            out.flush();
            return XrdpResultPrinter.exitCode(result.status());
        }
        return XrdpResultPrinter.print(result, out, err);
    }

    private int renewWindows(PrintWriter out) throws IOException {
        for (String option : XRDP_ONLY) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new IllegalArgumentException(option + " applies to --xrdp only");
            }
        }
        if (pkcs12 == null && (passwordEnv != null || passwordFile != null)) {
            throw new IllegalArgumentException("a PKCS#12 password option needs --pkcs12");
        }
        RenewalWindow.requireDays(renewWithin, "--renew-within");
        char[] password = pkcs12 == null ? null : password();
        try {
            WindowsCommands commands = WindowsCommands.forThisHost(new WireListenerVerifier(), SeverityPolicy.defaults());
            return json ? commands.renewCertJson(pkcs12, password, renewWithin, force, dryRun, out,
                    spec.commandLine().getErr())
                    : commands.renewCert(pkcs12, password, renewWithin, force, dryRun, out);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private NewCertificate newCertificate() throws IOException {
        boolean pem = certPem != null || keyPem != null;
        if (pem && pkcs12 != null) {
            throw new IllegalArgumentException("give either --cert/--key or --pkcs12, not both");
        }
        try {
            if (pem) {
                if (certPem == null || keyPem == null) {
                    throw new IllegalArgumentException("--cert and --key go together");
                }
                KeyMaterial material = new KeyMaterial(PemCodec.privateKey(read(keyPem)), PemCodec.certificates(read(certPem)));
                return checked(material, certPem + " + " + keyPem);
            }
            if (pkcs12 != null) {
                char[] password = password();
                try {
                    byte[] bytes = readBytes(pkcs12, Pkcs12Reader.MAX_BYTES);
                    return checked(Pkcs12Reader.read(bytes, password), pkcs12.toString());
                } finally {
                    Arrays.fill(password, '\0');
                }
            }
        } catch (PemFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (passwordEnv != null || passwordFile != null) {
            throw new IllegalArgumentException("a PKCS#12 password option needs --pkcs12");
        }
        SelfSignedSpec.KeyType type = switch (keyType.toLowerCase(java.util.Locale.ROOT)) {
            case "rsa" -> SelfSignedSpec.KeyType.RSA;
            case "ec", "ecdsa" -> SelfSignedSpec.KeyType.EC;
            default -> throw new IllegalArgumentException("--key-type must be rsa or ec, was '" + keyType + "'");
        };
        int size = keySize != null ? keySize : type == SelfSignedSpec.KeyType.RSA ? 2048 : 256;
        NewCertificate.SelfSigned selfSigned = new NewCertificate.SelfSigned(type, size, names, validityDays);
        // Validate now (key size, validity, names) so a bad option is a usage error before any lock is taken.
        new SelfSignedSpec(type, size, names.isEmpty() ? List.of("check") : names, Duration.ofDays(validityDays));
        return selfSigned;
    }

    private static NewCertificate checked(KeyMaterial material, String origin) {
        return NewCertificate.Provided.checked(material, origin, java.time.Instant.now());
    }

    /** The password from the environment or a file: never from the command line, where ps would show it. */
    private char[] password() throws IOException {
        if ((passwordEnv == null) == (passwordFile == null)) {
            throw new IllegalArgumentException("--pkcs12 needs exactly one of --pkcs12-password-env or --pkcs12-password-file");
        }
        return passwordEnv != null ? Secrets.fromEnvironment("--pkcs12-password-env", passwordEnv)
                : Secrets.fromFile("--pkcs12-password-file", passwordFile);
    }

    private static String read(Path file) throws IOException {
        return new String(readBytes(file, PemCodec.MAX_PEM_CHARS), StandardCharsets.US_ASCII);
    }

    private static byte[] readBytes(Path file, int max) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("'" + file + "' is not a readable file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new IllegalArgumentException("'" + file + "' is larger than " + max + " bytes");
            }
            return bytes;
        }
    }
}
