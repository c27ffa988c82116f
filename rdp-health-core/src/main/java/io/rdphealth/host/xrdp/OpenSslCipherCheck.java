package io.rdphealth.host.xrdp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code openssl ciphers -s -tls1_2 STRING} (the same OpenSSL library xrdp links, on a
 * Debian host): exit status 1 means "no cipher match", i.e. {@code SSL_CTX_set_cipher_list}
 * fails and xrdp refuses TLS. Deadline 5 s; output capped at 64 KiB.
 */
public final class OpenSslCipherCheck implements CipherListCheck {
    private static final long TIMEOUT_SECONDS = 5;
    private final String openssl;

    public OpenSslCipherCheck(String openssl) {
        this.openssl = openssl;
    }

    public OpenSslCipherCheck() {
        this("openssl");
    }

    @Override
    public Result check(String cipherString) {
        ProcessBuilder builder = new ProcessBuilder(openssl, "ciphers", "-s", "-tls1_2", cipherString)
                .redirectErrorStream(true);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return null;
        }
        try (InputStream out = process.getInputStream()) {
            process.getOutputStream().close();
            byte[] bytes = out.readNBytes(64 * 1024);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                return null;
            }
            String text = new String(bytes, StandardCharsets.UTF_8).strip();
            String command = "openssl ciphers -s -tls1_2 '" + cipherString + "'";
            if (process.exitValue() != 0) {
                return new Result(false, List.of(), command + ": " + firstLine(text));
            }
            List<String> suites = text.isEmpty() ? List.of() : Arrays.asList(text.split(":"));
            return new Result(true, suites, command + ": " + suites.size() + " TLS 1.2 suites");
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            process.destroyForcibly();
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
