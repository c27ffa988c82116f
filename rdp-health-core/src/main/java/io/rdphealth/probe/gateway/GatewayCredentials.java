package io.rdphealth.probe.gateway;

import java.util.Arrays;
import java.util.Objects;

/**
 * Optional credentials for one authenticated gateway request. They go into one Authorization
 * header and nowhere else: {@link #toString()} hides them, evidence records only the scheme name.
 */
public sealed interface GatewayCredentials {

    /** What kind of credential this is, for logs ({@code Password}, {@code Bearer}); never the secret. */
    String scheme();

    /**
     * A domain account and its password. With a gateway that offers NTLM or Negotiate they answer
     * its NTLM CHALLENGE (NTLMv2: the password itself never crosses); only when the gateway offers
     * Basic alone are they sent with HTTP Basic.
     *
     * @param domain   the NetBIOS or DNS domain, empty for none (a UPN {@code user@domain} as user)
     * @param user     the account name
     * @param password the password; copied in and out, never printed
     */
    record Password(String domain, String user, char[] password) implements GatewayCredentials {
        public Password {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (user.isEmpty()) {
                throw new IllegalArgumentException("the gateway user is empty");
            }
            if (user.indexOf(':') >= 0 || domain.indexOf(':') >= 0) {
                throw new IllegalArgumentException("a gateway user or domain cannot contain ':'");
            }
            if (user.indexOf('\\') >= 0 || domain.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("give the user as DOMAIN\\user once, or domain and user apart");
            }
            password = password.clone();
        }

        /** {@code DOMAIN\\user}, {@code user@domain} (UPN, no separate domain) or a bare user. */
        public Password(String account, char[] password) {
            this(domainOf(account), userOf(account), password);
        }

        private static String domainOf(String account) {
            Objects.requireNonNull(account, "user");
            int backslash = account.indexOf('\\');
            return backslash < 0 ? "" : account.substring(0, backslash);
        }

        private static String userOf(String account) {
            return account.substring(account.indexOf('\\') + 1);
        }

        @Override
        public char[] password() {
            return password.clone();
        }

        /** The user as HTTP Basic sends it to IIS: {@code DOMAIN\\user}, or the user alone. */
        public String basicUser() {
            return domain.isEmpty() ? user : domain + "\\" + user;
        }

        @Override
        public String scheme() {
            return "Password";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Password p && p.domain.equals(domain) && p.user.equals(user) && Arrays.equals(p.password, password);
        }

        @Override
        public int hashCode() {
            return Objects.hash(domain, user);
        }

        @Override
        public String toString() {
            return "Password[domain=" + domain + ", user=" + user + ", password=***]";
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
