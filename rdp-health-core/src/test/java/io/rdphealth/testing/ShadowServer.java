package io.rdphealth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * A real FreeRDP server ({@code freerdp-shadow-cli}, package freerdp2-shadow-x11) sharing the
 * JVM's {@link SharedXvfb} display, bound to 127.0.0.1 on a free port. Unlike xrdp it speaks
 * CredSSP, so it is the peer for NLA (HYBRID) probes. HOME is a temporary directory, so the
 * certificate it generates (or the one given) lives there and not in the user's home.
 * {@link #close()} kills it, waits and deletes the directory.
 */
public final class ShadowServer implements AutoCloseable {
    public static final String DEFAULT_USER = "tester";
    public static final String DEFAULT_DOMAIN = "RDPHEALTH";
    public static final String DEFAULT_PASSWORD = "Test-Password-1";

    /** The {@code /sec:} option. */
    public enum Security {
        NLA("nla"), TLS("tls"), RDP("rdp");

        private final String option;

        Security(String option) {
            this.option = option;
        }

        public String option() {
            return option;
        }
    }

    private final ServerProcess running;
    private final int port;
    private final Path home;
    private final Path samFile;
    private final String display;

    private ShadowServer(Process process, ProcessHandle server, int port, Path directory, Path home, Path logFile, Path samFile, String display) {
        this.running = new ServerProcess(process, server, directory, logFile);
        this.port = port;
        this.home = home;
        this.samFile = samFile;
        this.display = display;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A shadow server with {@code /sec:nla} and the default SAM user. */
    public static ShadowServer start() {
        return builder().start();
    }

    public int port() {
        return port;
    }

    /** The server's HOME (a temporary directory, deleted on close). */
    public Path home() {
        return home;
    }

    /** {@code $HOME/.config/freerdp/shadow/shadow.crt}: the given certificate, or the one FreeRDP generated once it did. */
    public Path certFile() {
        return home.resolve(".config/freerdp/shadow/shadow.crt");
    }

    /** {@code $HOME/.config/freerdp/shadow/shadow.key}. */
    public Path keyFile() {
        return home.resolve(".config/freerdp/shadow/shadow.key");
    }

    /** The SAM file given to {@code /sam-file:} (NLA only). */
    public Optional<Path> samFile() {
        return Optional.ofNullable(samFile);
    }

    /** The X display it shadows. */
    public String display() {
        return display;
    }

    /** Its stdout and stderr (FreeRDP's WLog lines). */
    public Path logFile() {
        return running.logFile();
    }

    public List<String> logLines() {
        return running.logLines();
    }

    public boolean logContains(String text) {
        return running.logContains(text);
    }

    public long pid() {
        return running.pid();
    }

    public boolean isAlive() {
        return running.isAlive();
    }

    /** The handle of freerdp-shadow-cli itself; the watchdog wrapper is its parent. */
    public ProcessHandle processHandle() {
        return running.handle();
    }

    /** Kills the process tree, waits and deletes the directory. Idempotent. Leaves the shared Xvfb running. */
    @Override
    public void close() {
        running.close();
    }

    @Override
    public String toString() {
        return "freerdp-shadow-cli on 127.0.0.1:" + port + " (pid " + running.pid() + ", DISPLAY " + display + ")";
    }

    /**
     * The SAM line FreeRDP's NTLM reads: {@code user:DOMAIN::NTHASH:::}, the NT hash being MD4 over
     * the UTF-16LE password (MS-NLMP 3.3.1), in hex.
     */
    public static String samLine(String user, String domain, String password) {
        return user + ":" + domain + "::" + ntHash(password) + ":::";
    }

    /** MD4(UTF-16LE(password)) as upper-case hex. */
    public static String ntHash(String password) {
        byte[] input = password.getBytes(StandardCharsets.UTF_16LE);
        MD4Digest md4 = new MD4Digest();
        md4.update(input, 0, input.length);
        byte[] hash = new byte[md4.getDigestSize()];
        md4.doFinal(hash, 0);
        return HexFormat.of().withUpperCase().formatHex(hash);
    }

    /** Configures and starts a {@link ShadowServer}. */
    public static final class Builder {
        private Security security = Security.NLA;
        private String user = DEFAULT_USER;
        private String domain = DEFAULT_DOMAIN;
        private String password = DEFAULT_PASSWORD;
        private MintedCertificate certificate;
        private final List<String> extraArguments = new ArrayList<>();
        private Duration startupTimeout = Duration.ofSeconds(15);

        private Builder() {
        }

        /** {@code /sec:nla|tls|rdp}. Default NLA. */
        public Builder security(Security value) {
            this.security = Objects.requireNonNull(value);
            return this;
        }

        /** The account in the SAM file for NLA (default {@link #DEFAULT_USER} / {@link #DEFAULT_DOMAIN} / {@link #DEFAULT_PASSWORD}). */
        public Builder nlaAccount(String userName, String domainName, String userPassword) {
            this.user = userName;
            this.domain = domainName;
            this.password = userPassword;
            return this;
        }

        /**
         * Serve this certificate ({@code $HOME/.config/freerdp/shadow/shadow.crt|key}) instead of a
         * generated one. FreeRDP 2 needs an RSA key; a chain is written after the leaf.
         */
        public Builder certificate(MintedCertificate value) {
            this.certificate = value;
            return this;
        }

        /** Any further freerdp-shadow-cli argument, e.g. {@code "-may-interact"}. */
        public Builder argument(String value) {
            extraArguments.add(value);
            return this;
        }

        public Builder startupTimeout(Duration value) {
            this.startupTimeout = value;
            return this;
        }

        /** Starts the server and returns once it accepts TCP connections; retries on a lost port race. */
        public ShadowServer start() {
            Path shadow = Executables.require("freerdp-shadow-cli", "freerdp2-shadow-x11");
            String display = SharedXvfb.display();
            ServerStartException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                Path directory = null;
                try {
                    directory = Files.createTempDirectory("rdphealth-shadow-");
                    return launch(shadow, directory, display);
                } catch (ServerStartException e) {
                    last = e;
                    Executables.deleteTree(directory);
                    if (!e.getMessage().toLowerCase(Locale.ROOT).contains("bind")) {
                        throw e;
                    }
                } catch (IOException e) {
                    Executables.deleteTree(directory);
                    throw new UncheckedIOException("cannot prepare shadow server directory", e);
                }
            }
            throw last;
        }

        private ShadowServer launch(Path shadow, Path directory, String display) throws IOException {
            Path home = Files.createDirectories(directory.resolve("home"));
            if (certificate != null) {
                Path config = Files.createDirectories(home.resolve(".config/freerdp/shadow"));
                certificate.writePem(config.resolve("shadow.crt"), config.resolve("shadow.key"));
            }
            int port = LoopbackPorts.freePort();
            List<String> command = new ArrayList<>(List.of(shadow.toString(), "/bind-address:127.0.0.1",
                    "/port:" + port, "/sec:" + security.option()));
            Path samFile = null;
            if (security == Security.NLA) {
                samFile = directory.resolve("sam");
                Files.writeString(samFile, samLine(user, domain, password) + "\n", StandardCharsets.UTF_8);
                command.add("/sam-file:" + samFile);
            }
            command.addAll(extraArguments);
            Path logFile = directory.resolve("shadow.log");
            ProcessBuilder builder = new ProcessBuilder(ProcessReaper.withWatchdog(command)).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(logFile.toFile());
            builder.environment().put("HOME", home.toString());
            builder.environment().put("DISPLAY", display);
            builder.environment().remove("XAUTHORITY");
            Process process = ProcessReaper.register(builder.start());
            try {
                LoopbackPorts.awaitListening(port, startupTimeout, process::isAlive,
                        () -> "command: " + String.join(" ", command) + " (DISPLAY " + display + ")\n"
                                + Executables.tail(logFile, 30));
            } catch (RuntimeException e) {
                ProcessReaper.kill(process, Duration.ofSeconds(2));
                throw e;
            }
            return new ShadowServer(process, ProcessReaper.serverOf(process, shadow), port, directory, home, logFile, samFile, display);
        }
    }
}
