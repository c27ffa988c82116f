package io.rdphealth.host.windows.fixes;

import io.rdphealth.evidence.CertificateInfo;
import io.rdphealth.host.windows.CertificateDecoder;
import io.rdphealth.host.windows.StoreCertificate;
import io.rdphealth.host.windows.WindowsPort;
import io.rdphealth.host.windows.rules.EffectiveCertificate;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Small helpers the Windows plans share. */
final class FixSupport {
    private FixSupport() {
    }

    static CertificateState stateOf(CertificateInfo info) {
        return new CertificateState(info.sha1(), info.notAfter());
    }

    static CertificateState servedBefore(FixContext ctx) {
        return EffectiveCertificate.of(ctx.facts()).map(c -> stateOf(c.certificate())).orElse(null);
    }

    /** A certificate of a store by thumbprint, decoded, with its key location. */
    static Optional<Found> find(WindowsPort port, String store, String thumbprint) {
        for (WindowsPort.StoredCertificate stored : port.listCertificates(store)) {
            CertificateInfo info = CertificateDecoder.decode(stored.der());
            if (info.sha1().equalsIgnoreCase(thumbprint)) {
                return Optional.of(new Found(info, stored.key()));
            }
        }
        return Optional.empty();
    }

    static List<CertificateInfo> certificates(WindowsPort port, String store) {
        return port.listCertificates(store).stream().map(s -> CertificateDecoder.decode(s.der())).toList();
    }

    static Path keyPath(StoreCertificate cert) {
        return cert.key() == null || cert.key().path() == null ? null : Path.of(cert.key().path());
    }

    record Found(CertificateInfo info, WindowsPort.KeyLocation key) {
    }
}
