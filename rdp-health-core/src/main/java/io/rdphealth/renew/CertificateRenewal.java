package io.rdphealth.renew;

import io.rdphealth.cert.KeyMaterial;
import io.rdphealth.cert.PemFormatException;
import io.rdphealth.cert.Pkcs12Reader;
import io.rdphealth.fix.ChangeListener;
import io.rdphealth.fix.ChangeRunner;
import io.rdphealth.fix.Step;
import io.rdphealth.host.windows.ListenerVerifier;
import io.rdphealth.host.windows.WindowsPort;
import io.rdphealth.host.windows.WindowsPortException;
import io.rdphealth.host.windows.WireListenerVerifier;
import io.rdphealth.host.windows.fixes.FixSettings;
import io.rdphealth.host.windows.fixes.WindowsCertificateRenewal;
import io.rdphealth.host.windows.fixes.WindowsRenewalRequest;
import io.rdphealth.host.windows.fixes.WindowsRenewalResult;
import io.rdphealth.host.windows.jna.JnaWindowsPort;
import io.rdphealth.host.xrdp.NewCertificate;
import io.rdphealth.host.xrdp.ServedCertificateSource;
import io.rdphealth.host.xrdp.SystemctlRestarter;
import io.rdphealth.host.xrdp.WireServedCertificateSource;
import io.rdphealth.host.xrdp.XrdpCertificateRenewal;
import io.rdphealth.host.xrdp.XrdpChangeResult;
import io.rdphealth.host.xrdp.XrdpHostFacts;
import io.rdphealth.host.xrdp.XrdpInspector;
import io.rdphealth.host.xrdp.XrdpRenewalRequest;
import io.rdphealth.host.xrdp.XrdpRestarter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One entry point for "renew this host's RDP certificate", whatever the server: Windows
 * ({@link WindowsCertificateRenewal}) or xrdp ({@link XrdpCertificateRenewal}). It only chooses the
 * platform, translates the request and maps the outcome to a {@link RenewalResult}; deciding,
 * backing up, verifying from the wire and rolling back are theirs. The Jenkins plugin calls this on
 * an agent.
 */
public final class CertificateRenewal {
    private final String osName;
    private final Path xrdpConfig;
    private final Path xrdpStateDir;
    private final Duration lockWait;
    private final ServedCertificateSource xrdpWire;
    private final Supplier<Optional<XrdpRestarter>> xrdpRestarter;
    private final Supplier<WindowsPort> windowsPort;
    private final ListenerVerifier windowsVerifier;
    private final FixSettings windowsSettings;
    private final Path windowsStateDir;
    private final Clock clock;

    private CertificateRenewal(Builder b) {
        this.osName = b.osName;
        this.xrdpConfig = b.xrdpConfig;
        this.xrdpStateDir = b.xrdpStateDir;
        this.lockWait = b.lockWait;
        this.xrdpWire = b.xrdpWire;
        this.xrdpRestarter = b.xrdpRestarter;
        this.windowsPort = b.windowsPort;
        this.windowsVerifier = b.windowsVerifier;
        this.windowsSettings = b.windowsSettings;
        this.windowsStateDir = b.windowsStateDir;
        this.clock = b.clock;
    }

    /**
     * This host as installed: {@code os.name} decides AUTO; xrdp's {@code /etc/xrdp/xrdp.ini}, state in
     * {@code /var/lib/rdphealth}, a restart through systemd if it still serves the old certificate;
     * Windows through the native adapter, state in {@code %ProgramData%\RdpHealth}.
     */
    public static CertificateRenewal onThisHost() {
        return builder().build();
    }

    /** Starts from {@link #onThisHost()}'s settings; tests and embedders replace what they need. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Renews when needed (or plans, in a dry run).
     *
     * @throws IOException when the host cannot be read at all (xrdp: the state directory or lock)
     */
    public RenewalResult renew(RenewalRequest request, RenewalProgress progress) throws IOException {
        Objects.requireNonNull(request, "request");
        RenewalProgress out = progress == null ? RenewalProgress.SILENT : progress;
        return switch (request.platform().resolve(osName)) {
            case WINDOWS -> windows(request, out);
            case XRDP, AUTO -> xrdp(request, out);
        };
    }

    private RenewalResult xrdp(RenewalRequest request, RenewalProgress progress) throws IOException {
        String platform = RenewalPlatform.XRDP.label();
        NewCertificate certificate;
        try {
            certificate = request.certificate() == null ? NewCertificate.SelfSigned.defaults()
                    : supplied(request.certificate());
        } catch (IllegalArgumentException e) {
            return RenewalResult.refused(platform, e.getMessage());
        }
        XrdpInspector inspector = new XrdpInspector(io.rdphealth.host.xrdp.HostPaths.system(),
                new io.rdphealth.host.xrdp.OpenSslCipherCheck(), clock);
        if (request.port() != 0) {
            XrdpHostFacts facts = inspector.inspect(xrdpConfig, null);
            if (facts.config() != null && facts.config().listen().isTcp() && facts.config().listen().port() != request.port()) {
                return RenewalResult.refused(platform, xrdpConfig + " configures the listener on port " + facts.config().listen().port()
                        + ", not " + request.port());
            }
        }
        ChangeListener listener = new ChangeListener() {
            @Override
            public void beforeStep(int index, Step step) {
                progress.line("step " + (index + 1) + ": " + step.description());
            }

            @Override
            public void undone(String description) {
                progress.line("undone: " + description);
            }
        };
        XrdpChangeResult result = new XrdpCertificateRenewal(inspector,
                new ChangeRunner(xrdpStateDir, List.of(), listener, lockWait, clock), xrdpWire, xrdpRestarter.get(), clock)
                .renew(new XrdpRenewalRequest(xrdpConfig, request.renewWithinDays(), request.force(), request.dryRun(),
                        certificate));
        progress.line(result.status() + ": " + result.reason());
        return RenewalResult.ofXrdp(result, certificate instanceof NewCertificate.Provided);
    }

    private NewCertificate.Provided supplied(SuppliedCertificate supplied) {
        try {
            KeyMaterial material = Pkcs12Reader.read(supplied.pkcs12(), supplied.password());
            return NewCertificate.Provided.checked(material, "the supplied PKCS#12", clock.instant());
        } catch (PemFormatException e) {
            throw new IllegalArgumentException("cannot read the supplied PKCS#12: " + e.getMessage(), e);
        }
    }

    private RenewalResult windows(RenewalRequest request, RenewalProgress progress) {
        String platform = RenewalPlatform.WINDOWS.label();
        WindowsPort port;
        try {
            port = windowsPort.get();
        } catch (WindowsPortException e) {
            return RenewalResult.refused(platform, e.getMessage());
        }
        SuppliedCertificate supplied = request.certificate();
        WindowsRenewalRequest windowsRequest = new WindowsRenewalRequest(request.port(), request.renewWithinDays(),
                request.force(), request.dryRun(), supplied == null ? null : supplied.pkcs12(),
                supplied == null ? null : supplied.password());
        LineWriter lines = new LineWriter(progress);
        WindowsRenewalResult result;
        try (PrintWriter out = new PrintWriter(lines)) {
            result = new WindowsCertificateRenewal(port, windowsVerifier, clock, windowsSettings, windowsStateDir)
                    .renew(windowsRequest, out);
        }
        return RenewalResult.ofWindows(result, lines.lines(), supplied != null);
    }

    /** Where and how to renew; every setting defaults to this host as installed. */
    public static final class Builder {
        private String osName = System.getProperty("os.name", "");
        private Path xrdpConfig = XrdpInspector.DEFAULT_INI;
        private Path xrdpStateDir = Path.of("/var/lib/rdphealth");
        private Duration lockWait = Duration.ofSeconds(120);
        private ServedCertificateSource xrdpWire = new WireServedCertificateSource();
        private Supplier<Optional<XrdpRestarter>> xrdpRestarter = SystemctlRestarter::ifSystemd;
        private Supplier<WindowsPort> windowsPort = Builder::nativeWindowsPort;
        private ListenerVerifier windowsVerifier = new WireListenerVerifier();
        private FixSettings windowsSettings = FixSettings.defaults();
        private Path windowsStateDir;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        private static WindowsPort nativeWindowsPort() {
            if (!RenewalPlatform.AUTO.resolve(System.getProperty("os.name", "")).equals(RenewalPlatform.WINDOWS)) {
                throw new WindowsPortException("the Windows renewal runs only on Windows (this is "
                        + System.getProperty("os.name") + "); use platform xrdp or auto here");
            }
            return new JnaWindowsPort();
        }

        /** The operating system name AUTO decides by (default: {@code os.name}). */
        public Builder osName(String value) {
            this.osName = Objects.requireNonNull(value);
            return this;
        }

        public Builder xrdpConfig(Path value) {
            this.xrdpConfig = Objects.requireNonNull(value);
            return this;
        }

        /** Lock, journal and backups of xrdp changes. */
        public Builder xrdpStateDir(Path value) {
            this.xrdpStateDir = Objects.requireNonNull(value);
            return this;
        }

        public Builder lockWait(Duration value) {
            this.lockWait = Objects.requireNonNull(value);
            return this;
        }

        /** How the xrdp renewal reads the served certificate (default: the wire). */
        public Builder xrdpWire(ServedCertificateSource value) {
            this.xrdpWire = Objects.requireNonNull(value);
            return this;
        }

        /** Never restart xrdp (default: restart through systemd when it still serves the old certificate). */
        public Builder noXrdpRestart() {
            this.xrdpRestarter = Optional::empty;
            return this;
        }

        public Builder windowsPort(Supplier<WindowsPort> value) {
            this.windowsPort = Objects.requireNonNull(value);
            return this;
        }

        public Builder windowsVerifier(ListenerVerifier value) {
            this.windowsVerifier = Objects.requireNonNull(value);
            return this;
        }

        public Builder windowsSettings(FixSettings value) {
            this.windowsSettings = Objects.requireNonNull(value);
            return this;
        }

        /** Lock, journal and backups of Windows changes (default {@code %ProgramData%\RdpHealth}). */
        public Builder windowsStateDir(Path value) {
            this.windowsStateDir = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        public CertificateRenewal build() {
            return new CertificateRenewal(this);
        }
    }
}
