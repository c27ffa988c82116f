package io.rdphealth.renew;

import java.util.Arrays;
import java.util.Objects;

/**
 * A certificate with its key to install instead of a self-signed one: PKCS#12 bytes and their
 * password. Never printed: {@link #toString()} shows neither. The arrays are the caller's; call
 * {@link #erase()} once the renewal is done.
 *
 * @param pkcs12   the PKCS#12 (.pfx/.p12) content, at most {@link #MAX_BYTES}
 * @param password its password (empty for none)
 */
public record SuppliedCertificate(byte[] pkcs12, char[] password) {
    /** A PKCS#12 certificate file is a few KB; more is refused unread. */
    public static final int MAX_BYTES = 1024 * 1024;

    public SuppliedCertificate {
        Objects.requireNonNull(pkcs12, "pkcs12");
        Objects.requireNonNull(password, "password");
        if (pkcs12.length == 0 || pkcs12.length > MAX_BYTES) {
            throw new IllegalArgumentException("the PKCS#12 data must be 1.." + MAX_BYTES + " bytes, was " + pkcs12.length);
        }
    }

    /** Overwrites the bytes and the password. */
    public void erase() {
        Arrays.fill(pkcs12, (byte) 0);
        Arrays.fill(password, '\0');
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SuppliedCertificate s && Arrays.equals(s.pkcs12, pkcs12) && Arrays.equals(s.password, password);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(pkcs12);
    }

    @Override
    public String toString() {
        return "SuppliedCertificate[" + pkcs12.length + " bytes of PKCS#12, password not shown]";
    }
}
