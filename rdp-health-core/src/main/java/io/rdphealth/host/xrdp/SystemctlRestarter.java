package io.rdphealth.host.xrdp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** {@code systemctl restart xrdp}, available only when systemd is the running init. */
public final class SystemctlRestarter implements XrdpRestarter {
    private static final long TIMEOUT_SECONDS = 60;

    /** The restarter when systemd runs this host ({@code /run/systemd/system} exists), else empty. */
    public static Optional<XrdpRestarter> ifSystemd() {
        return Files.isDirectory(Path.of("/run/systemd/system")) ? Optional.of(new SystemctlRestarter()) : Optional.empty();
    }

    @Override
    public void restart() throws IOException {
        Process process = new ProcessBuilder("systemctl", "restart", "xrdp").redirectErrorStream(true).start();
        try {
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readNBytes(16 * 1024);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("systemctl restart xrdp did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("systemctl restart xrdp failed (" + process.exitValue() + "): "
                        + new String(output, java.nio.charset.StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while restarting xrdp", e);
        } finally {
            process.destroyForcibly();
        }
    }

    @Override
    public String describe() {
        return "systemctl restart xrdp";
    }
}
