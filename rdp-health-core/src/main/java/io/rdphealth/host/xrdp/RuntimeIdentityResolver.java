package io.rdphealth.host.xrdp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the identity xrdp reads its key with, most reliable first:
 * <ol>
 *   <li>the running xrdp process that holds the listening socket ({@code /proc/PID/status}:
 *       effective uid/gid and the supplementary groups it really has, which may differ from
 *       /etc/group when group membership changed after xrdp started);</li>
 *   <li>{@code runtime_user}/{@code runtime_group} in xrdp.ini (xrdp 0.10 drops privileges to them);</li>
 *   <li>{@code User=}/{@code Group=} of the systemd unit (Debian's unit runs xrdp as {@code xrdp});</li>
 *   <li>root (xrdp started by hand or by a SysV script).</li>
 * </ol>
 * For 2-4 the groups come from /etc/passwd and /etc/group, as initgroups(3) would set them.
 */
final class RuntimeIdentityResolver {
    private static final int MAX_ACCOUNT_BYTES = 8 * 1024 * 1024;

    private final HostPaths paths;

    RuntimeIdentityResolver(HostPaths paths) {
        this.paths = paths;
    }

    UnixAccounts accounts() {
        try {
            return UnixAccounts.parse(readOrEmpty(paths.etc().resolve("passwd")), readOrEmpty(paths.etc().resolve("group")));
        } catch (IOException e) {
            return UnixAccounts.parse("", "");
        }
    }

    RuntimeIdentity resolve(XrdpConfig config, ListenerFacts listener, UnixAccounts accounts) {
        if (listener.isXrdp() && listener.pid() > 0) {
            Optional<RuntimeIdentity> running = fromProcess(listener.pid(), accounts);
            if (running.isPresent()) {
                return running.get();
            }
        }
        if (config != null && config.runtimeUser() != null) {
            Optional<RuntimeIdentity> configured = fromNames(config.runtimeUser(), config.runtimeGroup(), accounts,
                    "xrdp.ini runtime_user");
            if (configured.isPresent()) {
                return configured.get();
            }
        }
        for (Path unit : paths.unitFiles()) {
            Optional<RuntimeIdentity> fromUnit = fromUnit(unit, accounts);
            if (fromUnit.isPresent()) {
                return fromUnit.get();
            }
        }
        return new RuntimeIdentity("root", 0, 0, Set.of(0), "default (no running xrdp, no runtime_user, no unit User=)");
    }

    private Optional<RuntimeIdentity> fromProcess(long pid, UnixAccounts accounts) {
        try {
            String status = BoundedFiles.read(paths.proc().resolve(Long.toString(pid)).resolve("status"), 64 * 1024);
            return ProcStatus.uidGid(status).map(ids -> new RuntimeIdentity(accounts.userName(ids[0]), ids[0], ids[1],
                    ProcStatus.groups(status), "running process " + pid));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<RuntimeIdentity> fromUnit(Path unit, UnixAccounts accounts) {
        if (!Files.isRegularFile(unit)) {
            return Optional.empty();
        }
        String user = null;
        String group = null;
        try {
            for (String line : BoundedFiles.read(unit, 256 * 1024).split("\n")) {
                String trimmed = line.strip();
                if (trimmed.startsWith("User=")) {
                    user = trimmed.substring(5).strip();
                } else if (trimmed.startsWith("Group=")) {
                    group = trimmed.substring(6).strip();
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return user == null || user.isEmpty() ? Optional.empty()
                : fromNames(user, group, accounts, "systemd unit " + unit);
    }

    private static Optional<RuntimeIdentity> fromNames(String user, String group, UnixAccounts accounts, String source) {
        return accounts.user(user).map(u -> {
            Set<Integer> groups = new java.util.LinkedHashSet<>(accounts.groupsOf(u));
            int gid = u.gid();
            if (group != null && !group.isEmpty()) {
                gid = accounts.groupId(group).orElse(gid);
                groups.add(gid);
            }
            return new RuntimeIdentity(u.name(), u.uid(), gid, groups, source);
        });
    }

    private static String readOrEmpty(Path file) throws IOException {
        return Files.isReadable(file) ? BoundedFiles.read(file, MAX_ACCOUNT_BYTES) : "";
    }
}
