package io.rdphealth.host.xrdp;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the process listening on a TCP port from procfs (no connection is made). */
final class ListenerScan {
    private static final int MAX_PROC_NET_BYTES = 16 * 1024 * 1024;

    private ListenerScan() {
    }

    static ListenerFacts scan(Path proc, ListenSpec listen) {
        if (!listen.isTcp()) {
            return new ListenerFacts(false, false, -1, null, null,
                    "listener " + listen.raw() + " is not TCP; not checked");
        }
        List<ProcNetTcp.Listener> matches = new ArrayList<>();
        try {
            for (String table : List.of("tcp", "tcp6")) {
                Path file = proc.resolve("net").resolve(table);
                if (Files.isReadable(file)) {
                    for (ProcNetTcp.Listener listener : ProcNetTcp.listeners(BoundedFiles.read(file, MAX_PROC_NET_BYTES))) {
                        if (listener.port() == listen.port()) {
                            matches.add(listener);
                        }
                    }
                }
            }
        } catch (IOException e) {
            return new ListenerFacts(false, false, -1, null, null, "cannot read " + proc + "/net/tcp: " + e.getMessage());
        }
        if (matches.isEmpty()) {
            return new ListenerFacts(true, false, -1, null, null, "nothing listens on TCP port " + listen.port());
        }
        ProcNetTcp.Listener first = matches.get(0);
        for (ProcNetTcp.Listener match : matches) {
            long pid = owner(proc, match.inode());
            if (pid > 0) {
                String name = comm(proc, pid);
                return new ListenerFacts(true, true, pid, name, match.describeAddress(),
                        "TCP port " + listen.port() + " (" + match.describeAddress() + ") is held by " + name
                                + " (pid " + pid + ")");
            }
        }
        return new ListenerFacts(true, true, -1, null, first.describeAddress(),
                "TCP port " + listen.port() + " (" + first.describeAddress() + ") listens; owning process not found");
    }

    /** The pid whose fd table holds {@code socket:[inode]}, or -1. */
    private static long owner(Path proc, long inode) {
        String wanted = "socket:[" + inode + "]";
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> isNumber(p.getFileName().toString()))) {
            for (Path pidDir : pids) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(pidDir.resolve("fd"))) {
                    for (Path fd : fds) {
                        try {
                            if (wanted.equals(Files.readSymbolicLink(fd).toString())) {
                                return Long.parseLong(pidDir.getFileName().toString());
                            }
                        } catch (IOException e) {
                            // fd closed meanwhile
                        }
                    }
                } catch (IOException e) {
                    // process gone or not ours to read
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    static String comm(Path proc, long pid) {
        try {
            return BoundedFiles.read(proc.resolve(Long.toString(pid)).resolve("comm"), 256).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    static boolean isNumber(String name) {
        return !name.isEmpty() && name.length() < 12 && name.chars().allMatch(Character::isDigit);
    }
}
