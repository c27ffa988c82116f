package io.rdphealth.host.windows;

import io.rdphealth.evidence.CertificateInfo;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * Certificates read from a Windows store, as the library's {@link CertificateInfo}: the same
 * decoding the wire probe uses (so thumbprints from the store and from the wire compare equal),
 * plus the way back from a snapshot's PEM to DER. Pure.
 */
public final class CertificateDecoder {
    private CertificateDecoder() {
    }

    /** @throws IllegalArgumentException when the bytes are not an X.509 certificate */
    public static CertificateInfo decode(byte[] der) {
        io.rdphealth.probe.cert.CertificateDecoder decoder = new io.rdphealth.probe.cert.CertificateDecoder();
        try {
            return decoder.describe(decoder.parse(der));
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    public static CertificateInfo describe(X509Certificate cert) throws CertificateException {
        return new io.rdphealth.probe.cert.CertificateDecoder().describe(cert);
    }

    /** Decodes the PEM kept in a snapshot back to DER. */
    public static byte[] derOf(CertificateInfo info) {
        String body = info.pem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
