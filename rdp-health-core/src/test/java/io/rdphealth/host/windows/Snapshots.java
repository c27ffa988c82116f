package io.rdphealth.host.windows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The shipped host-facts snapshots under {@code src/test/resources/windows/}. */
public final class Snapshots {
    public static final List<String> ALL = List.of("healthy", "expired-cert", "key-acl-broken", "tls12-disabled", "firewall-off",
            "firewall-block-rule", "cng-key-acl-broken");

    private Snapshots() {
    }

    public static String text(String name) {
        try (InputStream in = Snapshots.class.getResourceAsStream("/windows/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no snapshot " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static WindowsHostFacts load(String name) {
        try {
            return new WindowsFactsJson().parse(text(name));
        } catch (WindowsFactsFormatException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
