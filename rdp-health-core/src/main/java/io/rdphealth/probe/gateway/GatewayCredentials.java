package io.rdphealth.probe.gateway;

import java.util.Arrays;
import java.util.Objects;

/**
 * Optional credentials for one authenticated gateway request. They go into one Authorization
 * header and nowhere else: {@link #toString()} hides them, evidence records only the scheme name.
 */
public sealed interface GatewayCredentials {

    /** The scheme name that may appear in evidence and logs. */
    String scheme();

    /** User and password, sent with HTTP Basic when the gateway offers it. */
    record Password(String user, char[] password) implements GatewayCredentials {
        public Password {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (user.indexOf(':') >= 0) {
                throw new IllegalArgumentException("a Basic user name cannot contain ':'");
            }
            password = password.clone();
        }

        @Override
        public char[] password() {
            return password.clone();
        }

        @Override
        public String scheme() {
            return "Basic";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Password p && p.user.equals(user) && Arrays.equals(p.password, password);
        }

        @Override
        public int hashCode() {
            return user.hashCode();
        }

        @Override
        public String toString() {
            return "Password[user=" + user + ", password=***]";
        }
    }

    /** An access token, sent as {@code Authorization: Bearer}. */
    record Token(char[] token) implements GatewayCredentials {
        public Token {
            Objects.requireNonNull(token, "token");
            if (token.length == 0 || new String(token).chars().anyMatch(c -> c <= 0x20 || c > 0x7E)) {
                throw new IllegalArgumentException("a token must be non-empty printable ASCII without spaces");
            }
            token = token.clone();
        }

        @Override
        public char[] token() {
            return token.clone();
        }

        @Override
        public String scheme() {
            return "Bearer";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Token t && Arrays.equals(t.token, token);
        }

        @Override
        public int hashCode() {
            return token.length;
        }

        @Override
        public String toString() {
            return "Token[***]";
        }
    }
}
