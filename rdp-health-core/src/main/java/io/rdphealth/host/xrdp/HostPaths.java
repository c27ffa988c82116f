package io.rdphealth.host.xrdp;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the inspection reads the host's state. The defaults are the real system; tests point
 * {@code etc} at a directory of their own passwd/group files.
 *
 * @param proc      procfs
 * @param etc       directory with {@code passwd} and {@code group}
 * @param unitFiles systemd unit files (and drop-ins) for xrdp, in precedence order (first wins)
 * @param configDir xrdp's compiled-in configuration directory (certificate/key defaults)
 */
public record HostPaths(Path proc, Path etc, List<Path> unitFiles, Path configDir) {
    public HostPaths {
        unitFiles = List.copyOf(unitFiles);
    }

    public static HostPaths system() {
        return new HostPaths(Path.of("/proc"), Path.of("/etc"), List.of(
                Path.of("/etc/systemd/system/xrdp.service.d/override.conf"),
                Path.of("/etc/systemd/system/xrdp.service"),
                Path.of("/lib/systemd/system/xrdp.service"),
                Path.of("/usr/lib/systemd/system/xrdp.service")), XrdpIniParser.DEFAULT_CONFIG_DIR);
    }
}
