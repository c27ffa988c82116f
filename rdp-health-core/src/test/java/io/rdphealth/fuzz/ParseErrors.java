package io.rdphealth.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.wire.MalformedPduException;

/** The one check every fuzz test makes of a declared parse error: it names what was wrong. */
final class ParseErrors {
    private ParseErrors() {
    }

    static void assertExplains(MalformedPduException e) {
        assertThat(e.kind()).as("kind of %s", e).isNotNull();
        assertExplains((Exception) e);
    }

    static void assertExplains(Exception e) {
        assertThat(e.getMessage()).as("message of %s", e.getClass().getName()).isNotBlank();
    }
}
