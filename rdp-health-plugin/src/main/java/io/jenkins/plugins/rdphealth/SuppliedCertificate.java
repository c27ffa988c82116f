package io.jenkins.plugins.rdphealth;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A CA-issued certificate with its key, read from a certificate credential on the controller and
 * sent to the agent over the (encrypted) agent channel. Never printed: {@link #toString()} says
 * nothing about the content.
 */
final class SuppliedCertificate implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String credentialsId;
    private final byte[] pkcs12;
    private final char[] password;

    SuppliedCertificate(String credentialsId, byte[] pkcs12, char[] password) {
        this.credentialsId = credentialsId;
        this.pkcs12 = pkcs12.clone();
        this.password = password.clone();
    }

    String credentialsId() {
        return credentialsId;
    }

    byte[] pkcs12() {
        return pkcs12.clone();
    }

    char[] password() {
        return password.clone();
    }

    /** Overwrites the secret material once the library has it. */
    void erase() {
        Arrays.fill(pkcs12, (byte) 0);
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return "certificate from credential '" + credentialsId + "' (content not shown)";
    }
}
