package io.rdphealth.host.windows;

import io.rdphealth.evidence.CertificateInfo;
import java.util.Objects;

/**
 * A certificate in a LocalMachine store and the private key container it points to.
 *
 * @param store        system store name ("Remote Desktop", "My")
 * @param certificate  the decoded certificate (thumbprint, validity, EKU, PEM)
 * @param key          its private key container, or {@code null} when the certificate has no key property
 */
public record StoreCertificate(String store, CertificateInfo certificate, KeyContainer key) {
    public StoreCertificate {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(certificate, "certificate");
    }

    public String thumbprint() {
        return certificate.sha1();
    }
}
