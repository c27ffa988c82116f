package io.rdphealth.host.xrdp;

import io.rdphealth.testing.XrdpServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The fixture's real xrdp, run as the unprivileged {@code xrdp} user (so key permissions matter as
 * in production), serving certificate and key files this package's tests prepared, with their owner
 * and mode left exactly as the test set them.
 */
final class LocalXrdp {
    private LocalXrdp() {
    }

    static XrdpServer start(Path dir, Path cert, Path key, String securityLayer) throws IOException {
        // xrdp (as user xrdp) must reach the files in the test's directory.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return XrdpServer.builder()
                .securityLayer(XrdpServer.SecurityLayer.valueOf(securityLayer.toUpperCase(java.util.Locale.ROOT)))
                .certificateFiles(cert, key).filesAsGiven().runAsUser(XrdpServer.XRDP_USER)
                .start();
    }
}
