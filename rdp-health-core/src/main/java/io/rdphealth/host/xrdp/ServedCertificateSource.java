package io.rdphealth.host.xrdp;

import io.rdphealth.evidence.CertificateInfo;
import java.io.IOException;

/**
 * Reads the leaf certificate a listener serves over TLS (X.224 asking SSL, then the handshake).
 * The renewal's wire verification runs through this, so tests can inject a verifier that fails.
 */
public interface ServedCertificateSource {
    /**
     * @throws IOException when no certificate could be read, the message saying what the server did instead
     */
    CertificateInfo served(String host, int port) throws IOException;
}
