package io.rdphealth.host.xrdp;

import io.rdphealth.cert.CertificateMinter;
import io.rdphealth.cert.KeyMaterial;
import io.rdphealth.cert.SelfSignedSpec;
import io.rdphealth.fix.ChangeListener;
import io.rdphealth.fix.ChangeRunner;
import io.rdphealth.fix.FileOwnership;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Shared setup of the xrdp tests: pairs on disk, clocks, renewal objects, checksums. */
final class XrdpHostSetup {
    static final int XRDP_GID = 105;

    private XrdpHostSetup() {
    }

    static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** A real RSA 2048 pair valid {@code days} from now, written with the key root:xrdp 0640. */
    static KeyMaterial writePair(Path cert, Path key, int days) throws Exception {
        KeyMaterial material = new CertificateMinter(Clock.systemUTC())
                .selfSigned(new SelfSignedSpec(SelfSignedSpec.KeyType.RSA, 2048, List.of("localhost"), Duration.ofDays(days)));
        Files.writeString(cert, material.certificatePem(), StandardCharsets.US_ASCII);
        Files.writeString(key, material.privateKeyPem(), StandardCharsets.US_ASCII);
        new FileOwnership(0, 0, 0644).applyTo(cert);
        new FileOwnership(0, XRDP_GID, 0640).applyTo(key);
        return material;
    }

    static XrdpCertificateRenewal renewal(Path stateDir, Clock clock, ServedCertificateSource wire, ChangeListener listener) {
        XrdpInspector inspector = new XrdpInspector(HostPaths.system(), new OpenSslCipherCheck(), clock);
        return new XrdpCertificateRenewal(inspector, new ChangeRunner(stateDir, List.of(), listener,
                Duration.ofSeconds(30), clock), wire, Optional.empty(), clock);
    }

    static XrdpRenewalRequest request(Path ini, boolean dryRun) {
        return new XrdpRenewalRequest(ini, 30, false, dryRun, NewCertificate.SelfSigned.defaults());
    }

    /** SHA-256 of every regular file under {@code dir} (and whether each path is a link), for before/after. */
    static Map<String, String> checksums(Path... dirs) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        for (Path dir : dirs) {
            if (!Files.exists(dir)) {
                sums.put(dir.toString(), "absent");
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.toList()) {
                    if (Files.isSymbolicLink(file)) {
                        sums.put(file.toString(), "-> " + Files.readSymbolicLink(file));
                    } else if (Files.isRegularFile(file) && !file.getFileName().toString().endsWith(".log")) {
                        sums.put(file.toString(), sha256(Files.readAllBytes(file)) + " " + FileOwnership.of(file));
                    }
                }
            }
        }
        return sums;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
