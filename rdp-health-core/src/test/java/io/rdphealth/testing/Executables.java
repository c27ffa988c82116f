package io.rdphealth.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finding programs and small file-system helpers shared by the server fixtures. */
final class Executables {
    private Executables() {
    }

    /** The absolute path of {@code name} on PATH or in the sbin directories (root's tools live there). */
    static Optional<Path> find(String name) {
        List<String> directories = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            directories.addAll(List.of(path.split(File.pathSeparator)));
        }
        directories.addAll(List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"));
        return directories.stream().filter(d -> !d.isEmpty()).map(d -> Path.of(d, name))
                .filter(Files::isExecutable).findFirst();
    }

    /** Like {@link #find} but fails with the Debian package to install. */
    static Path require(String name, String debianPackage) {
        return find(name).orElseThrow(() -> new ServerStartException("'" + name + "' not found: install the Debian package "
                + debianPackage + " (scripts/install-deps.sh)"));
    }

    /** Whether this JVM runs as root (uid 0): only root can start a server under another user. */
    static boolean runningAsRoot() {
        try {
            return "0".equals(Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:")).map(line -> line.split("\\s+")[1]).findFirst().orElse(""));
        } catch (IOException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** The last {@code lines} lines of a text file, or a note that it is missing. */
    static String tail(Path file, int lines) {
        List<String> all = readLines(file);
        if (all.isEmpty()) {
            return "(" + file + " is empty or missing)";
        }
        return "--- last lines of " + file + " ---\n" + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** All lines of a text file (bytes that are not UTF-8 replaced), empty when missing. */
    static List<String> readLines(Path file) {
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Deletes a directory tree, ignoring what is already gone. */
    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: a leftover temp file must not fail a test
                }
            });
        } catch (IOException e) {
            // best effort
        }
    }
}
