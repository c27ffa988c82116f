package io.rdphealth.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Secrets come from an environment variable or a file, never from the command line, where
 * {@code ps} and shell history would show them. Errors name the option, never the value.
 */
final class Secrets {
    static final int MAX_SECRET_FILE_BYTES = 64 * 1024;

    private Secrets() {
    }

    static char[] fromEnvironment(String option, String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(option + ": environment variable " + variable + " is not set");
        }
        return value.toCharArray();
    }

    /** The first line of the file (a trailing newline is not part of the secret). */
    static char[] fromFile(String option, Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(option + ": '" + file + "' is not a readable file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_SECRET_FILE_BYTES + 1);
        }
        if (bytes.length > MAX_SECRET_FILE_BYTES) {
            throw new IllegalArgumentException(option + ": '" + file + "' is larger than " + MAX_SECRET_FILE_BYTES + " bytes");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).replace("\r", "").toCharArray();
    }
}
