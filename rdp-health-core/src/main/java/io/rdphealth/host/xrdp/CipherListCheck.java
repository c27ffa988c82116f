package io.rdphealth.host.xrdp;

import java.util.List;

/** Expands an OpenSSL cipher string the way xrdp's OpenSSL will (tls_ciphers). */
public interface CipherListCheck {
    /**
     * The outcome.
     *
     * @param accepted   whether OpenSSL accepts the string at all (xrdp refuses every TLS connection otherwise)
     * @param tls12Suites the TLS 1.2 cipher suites it leaves
     * @param detail     what was run and what it said, for evidence; {@code null} when not checked
     */
    record Result(boolean accepted, List<String> tls12Suites, String detail) {
        public Result {
            tls12Suites = List.copyOf(tls12Suites);
        }
    }

    /** @return the result, or {@code null} when the check is not possible here (no openssl) */
    Result check(String cipherString);
}
