package io.rdphealth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A real xrdp (0.9.x) listening on a free 127.0.0.1 port, configured by a generated xrdp.ini in its
 * own temporary directory. No systemd and no sesman: enough for X.224 negotiation and the TLS
 * handshake. {@link #close()} kills the process tree, waits for it and deletes the directory;
 * a JVM shutdown hook kills what a failed test did not close.
 *
 * <p>The server is {@code xrdp --nodaemon --config ABS.ini} with {@code fork=false} by default
 * (connections run in threads of one process, so nothing outlives it). It runs as root unless
 * {@link Builder#runAsUser} or {@link Builder#keyUnreadableByServer} asks for the unprivileged
 * {@code xrdp} user (via {@code setpriv}); then its directory belongs to that user.
 */
public final class XrdpServer implements AutoCloseable {
    /** The Debian package's unprivileged user. */
    public static final String XRDP_USER = "xrdp";

    /** xrdp.ini {@code security_layer}. */
    public enum SecurityLayer {
        NEGOTIATE("negotiate"), TLS("tls"), RDP("rdp");

        private final String iniValue;

        SecurityLayer(String iniValue) {
            this.iniValue = iniValue;
        }

        public String iniValue() {
            return iniValue;
        }
    }

    private final ServerProcess running;
    private final int port;
    private final Path iniFile;
    private final Path certFile;
    private final Path keyFile;
    private final Path consoleFile;
    private final String user;

    private XrdpServer(Process process, ProcessHandle server, int port, Path directory, Path iniFile, Path certFile, Path keyFile,
            Path logFile, Path consoleFile, String user) {
        this.running = new ServerProcess(process, server, directory, logFile);
        this.port = port;
        this.iniFile = iniFile;
        this.certFile = certFile;
        this.keyFile = keyFile;
        this.consoleFile = consoleFile;
        this.user = user;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An xrdp with security_layer=negotiate and a valid localhost certificate. */
    public static XrdpServer start() {
        return builder().start();
    }

    /** The 127.0.0.1 port it listens on. */
    public int port() {
        return port;
    }

    /** The temporary directory holding ini, log and (minted) certificate files; deleted on close. */
    public Path directory() {
        return running.directory();
    }

    public Path iniFile() {
        return iniFile;
    }

    /** The certificate file xrdp reads (re-read on every connection: tests may replace it). */
    public Path certFile() {
        return certFile;
    }

    /** The key file xrdp reads (re-read on every connection). */
    public Path keyFile() {
        return keyFile;
    }

    public Path logFile() {
        return running.logFile();
    }

    /** The current lines of xrdp's log file (its LogFile; stdout/stderr are in {@code console.log}). */
    public List<String> logLines() {
        return running.logLines();
    }

    /** Whether the log has a line containing {@code text}. */
    public boolean logContains(String text) {
        return running.logContains(text);
    }

    /** The user xrdp runs as: {@code root} (or the JVM's user) unless an unprivileged one was asked for. */
    public String user() {
        return user;
    }

    /** The pid of xrdp itself. */
    public long pid() {
        return running.pid();
    }

    public boolean isAlive() {
        return running.isAlive();
    }

    /** The handle of xrdp itself (its user, its forked children); the watchdog wrapper is its parent. */
    public ProcessHandle processHandle() {
        return running.handle();
    }

    /** Kills the process tree, waits for it and deletes the directory (and minted files in it). Idempotent. */
    @Override
    public void close() {
        running.close();
    }

    @Override
    public String toString() {
        return "xrdp on 127.0.0.1:" + port + " (pid " + running.pid() + ", " + iniFile + ")";
    }

    /** One valid localhost certificate per JVM for servers not given one: RSA key generation is the slow part of a start. */
    private static final class DefaultCertificate {
        static final MintedCertificate LOCALHOST = TestPki.selfSigned(CertificateSpec.valid());
    }

    /** Configures and starts an {@link XrdpServer}. */
    public static final class Builder {
        private SecurityLayer securityLayer = SecurityLayer.NEGOTIATE;
        private MintedCertificate certificate;
        private Path givenCertFile;
        private Path givenKeyFile;
        private String sslProtocols = "TLSv1.2, TLSv1.3";
        private String tlsCiphers;
        private String cryptLevel = "high";
        private String logLevel = "INFO";
        private boolean fork;
        private boolean keyUnreadableByServer;
        private String runAsUser;
        private boolean filesAsGiven;
        private final Map<String, String> extraGlobals = new LinkedHashMap<>();
        private Duration startupTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        public Builder securityLayer(SecurityLayer value) {
            this.securityLayer = Objects.requireNonNull(value);
            return this;
        }

        /** Serve this minted certificate (written into the server's directory). Default: a valid localhost one. */
        public Builder certificate(MintedCertificate value) {
            this.certificate = Objects.requireNonNull(value);
            this.givenCertFile = null;
            this.givenKeyFile = null;
            return this;
        }

        /**
         * Serve these existing files, used in place (not copied; not deleted on close). With
         * {@link #keyUnreadableByServer} or {@link #runAsUser} their owner/mode ARE changed.
         */
        public Builder certificateFiles(Path certFile, Path keyFile) {
            this.givenCertFile = certFile.toAbsolutePath();
            this.givenKeyFile = keyFile.toAbsolutePath();
            this.certificate = null;
            return this;
        }

        /** xrdp.ini {@code ssl_protocols}, e.g. {@code "TLSv1, TLSv1.1, TLSv1.2"}. Default {@code TLSv1.2, TLSv1.3}. */
        public Builder sslProtocols(String value) {
            this.sslProtocols = value;
            return this;
        }

        /** xrdp.ini {@code tls_ciphers} (OpenSSL cipher string). Unset by default. */
        public Builder tlsCiphers(String value) {
            this.tlsCiphers = value;
            return this;
        }

        /**
         * TLS 1.0-1.3 with {@code DEFAULT:@SECLEVEL=0}: OpenSSL 3 then really negotiates TLS 1.0/1.1
         * and accepts 1024-bit keys and SHA-1 certificates.
         */
        public Builder weakTlsAllowed() {
            this.sslProtocols = "TLSv1, TLSv1.1, TLSv1.2, TLSv1.3";
            this.tlsCiphers = "DEFAULT:@SECLEVEL=0";
            return this;
        }

        /** xrdp.ini {@code crypt_level}: none, low, medium, high, fips. Default high. */
        public Builder cryptLevel(String value) {
            this.cryptLevel = value;
            return this;
        }

        /** xrdp.ini {@code LogLevel}: ERROR, WARNING, INFO, DEBUG, TRACE. Default INFO. */
        public Builder logLevel(String value) {
            this.logLevel = value;
            return this;
        }

        /** xrdp.ini {@code fork}: a child process per connection (as packaged) instead of a thread. Default false. */
        public Builder fork(boolean value) {
            this.fork = value;
            return this;
        }

        /**
         * Run xrdp as the unprivileged {@code xrdp} user and leave the key file root:root 0600, so
         * the server cannot read it ("Cannot read private key file ...: Permission denied").
         * When the JVM is not root the key is made mode 0000 for the JVM's own user instead.
         */
        public Builder keyUnreadableByServer(boolean value) {
            this.keyUnreadableByServer = value;
            return this;
        }

        /** Run xrdp as {@code user} (needs root); its directory and key become that user's. */
        /**
         * With {@link #certificateFiles}: leave those files' owner and mode exactly as the test set
         * them, also when xrdp runs as another user (tests of permission checks and repairs need
         * that). The directories leading to them must be traversable by that user: the test's job.
         */
        public Builder filesAsGiven() {
            this.filesAsGiven = true;
            return this;
        }

        public Builder runAsUser(String value) {
            this.runAsUser = value;
            return this;
        }

        /** Any other [Globals] setting of xrdp.ini (later calls win; overrides the builder's own keys). */
        public Builder setting(String key, String value) {
            extraGlobals.put(key, value);
            return this;
        }

        public Builder startupTimeout(Duration value) {
            this.startupTimeout = value;
            return this;
        }

        /** Starts xrdp and returns once it accepts TCP connections; retries on a lost port race. */
        public XrdpServer start() {
            Path xrdp = Executables.require("xrdp", "xrdp");
            boolean root = Executables.runningAsRoot();
            String user = runAsUser != null ? runAsUser : keyUnreadableByServer && root ? XRDP_USER : null;
            if (user != null && !root) {
                throw new IllegalStateException("running xrdp as user '" + user + "' needs root; this JVM is not root");
            }
            ServerStartException last = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                Path directory = null;
                try {
                    directory = Files.createTempDirectory("rdphealth-xrdp-");
                    XrdpServer server = launch(xrdp, directory, user, root);
                    return server;
                } catch (ServerStartException e) {
                    last = e;
                    Executables.deleteTree(directory);
                    if (!e.getMessage().contains("port already in use") && !e.getMessage().contains("bind")) {
                        throw e;
                    }
                } catch (IOException e) {
                    Executables.deleteTree(directory);
                    throw new UncheckedIOException("cannot prepare xrdp directory", e);
                }
            }
            throw last;
        }

        private XrdpServer launch(Path xrdp, Path directory, String user, boolean root) throws IOException {
            Path certFile;
            Path keyFile;
            boolean owns;
            if (givenCertFile != null) {
                certFile = givenCertFile;
                keyFile = givenKeyFile;
                owns = false;
            } else {
                certFile = directory.resolve("cert.pem");
                keyFile = directory.resolve("key.pem");
                MintedCertificate minted = certificate != null ? certificate : DefaultCertificate.LOCALHOST;
                minted.writePem(certFile, keyFile);
                owns = true;
            }
            int port = LoopbackPorts.freePort();
            Path iniFile = directory.resolve("xrdp.ini");
            Path logFile = directory.resolve("xrdp.log");
            Path consoleFile = directory.resolve("console.log");
            Files.writeString(iniFile, ini(port, certFile, keyFile, logFile), StandardCharsets.UTF_8);
            preparePermissions(directory, iniFile, certFile, keyFile, owns, user, root);

            List<String> command = new ArrayList<>();
            if (user != null) {
                command.addAll(List.of(Executables.require("setpriv", "util-linux").toString(),
                        "--reuid=" + user, "--regid=" + user, "--init-groups"));
            }
            command.addAll(List.of(xrdp.toString(), "--nodaemon", "--config", iniFile.toString()));
            ProcessBuilder builder = new ProcessBuilder(ProcessReaper.withWatchdog(command)).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(consoleFile.toFile());
            Process process = ProcessReaper.register(builder.start());
            try {
                LoopbackPorts.awaitListening(port, startupTimeout, process::isAlive,
                        () -> "command: " + String.join(" ", command) + "\n" + Executables.tail(logFile, 30)
                                + "\n" + Executables.tail(consoleFile, 10));
            } catch (RuntimeException e) {
                ProcessReaper.kill(process, Duration.ofSeconds(2));
                throw e;
            }
            return new XrdpServer(process, ProcessReaper.serverOf(process, xrdp), port, directory, iniFile, certFile,
                    keyFile, logFile, consoleFile, user != null ? user : System.getProperty("user.name"));
        }

        private String ini(int port, Path certFile, Path keyFile, Path logFile) {
            Map<String, String> globals = new LinkedHashMap<>();
            globals.put("ini_version", "1");
            globals.put("fork", Boolean.toString(fork));
            // tcp://.:PORT binds 127.0.0.1 only; a bare number would bind every address.
            globals.put("port", "tcp://.:" + port);
            globals.put("use_vsock", "false");
            globals.put("tcp_nodelay", "true");
            globals.put("tcp_keepalive", "false");
            globals.put("security_layer", securityLayer.iniValue());
            globals.put("crypt_level", cryptLevel);
            globals.put("certificate", certFile.toString());
            globals.put("key_file", keyFile.toString());
            globals.put("ssl_protocols", sslProtocols);
            if (tlsCiphers != null) {
                globals.put("tls_ciphers", tlsCiphers);
            }
            globals.putAll(extraGlobals);
            StringBuilder text = new StringBuilder("; generated by io.rdphealth.testing.XrdpServer\n[Globals]\n");
            globals.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
            text.append("\n[Logging]\nLogFile=").append(logFile).append("\nLogLevel=").append(logLevel)
                    .append("\nEnableSyslog=false\nEnableConsole=false\n");
            return text.toString();
        }

        private void preparePermissions(Path directory, Path iniFile, Path certFile, Path keyFile, boolean owns,
                String user, boolean root) throws IOException {
            Files.setPosixFilePermissions(iniFile, PosixFilePermissions.fromString("rw-r--r--"));
            if (!owns && filesAsGiven) {
                if (user != null) {
                    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
                    chown(directory, user, user);
                }
                return;
            }
            if (owns || user != null) {
                Files.setPosixFilePermissions(certFile, PosixFilePermissions.fromString("rw-r--r--"));
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            }
            if (user != null) {
                // The unprivileged server must traverse its directory and write its log there.
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
                chown(directory, user, user);
                if (keyUnreadableByServer) {
                    chown(keyFile, "root", "root");
                } else {
                    chown(keyFile, user, user);
                }
            } else if (keyUnreadableByServer) {
                if (root) {
                    throw new IllegalStateException("keyUnreadableByServer as root needs the xrdp user");
                }
                // Not root: the owner itself cannot read a mode-0000 file.
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("---------"));
            }
        }

        private static void chown(Path path, String owner, String group) throws IOException {
            UserPrincipalLookupService lookup = path.getFileSystem().getUserPrincipalLookupService();
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
            view.setOwner(lookup.lookupPrincipalByName(owner));
            try {
                view.setGroup(lookup.lookupPrincipalByGroupName(group));
            } catch (IOException e) {
                // no group of that name: keep the current group
            }
        }
    }

    /** xrdp's stdout and stderr. */
    public Path consoleFile() {
        return consoleFile;
    }
}
