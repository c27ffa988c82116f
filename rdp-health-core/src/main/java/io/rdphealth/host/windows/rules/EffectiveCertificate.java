package io.rdphealth.host.windows.rules;

import io.rdphealth.host.windows.StoreCertificate;
import io.rdphealth.host.windows.WindowsConstants;
import io.rdphealth.host.windows.WindowsHostFacts;
import java.util.Comparator;
import java.util.Optional;

/** Which certificate TermService serves: the pinned one when it is installed, else the newest self-signed one. */
public final class EffectiveCertificate {
    private EffectiveCertificate() {
    }

    public static Optional<StoreCertificate> of(WindowsHostFacts facts) {
        Optional<StoreCertificate> pinned = pinned(facts);
        if (pinned.isPresent()) {
            return pinned;
        }
        return selfSigned(facts);
    }

    public static Optional<StoreCertificate> pinned(WindowsHostFacts facts) {
        String hash = facts.listener().pinnedCertificateSha1();
        if (hash == null) {
            return Optional.empty();
        }
        return facts.certificatesIn(WindowsConstants.MY_STORE).stream().filter(c -> c.thumbprint().equals(hash)).findFirst();
    }

    public static Optional<StoreCertificate> selfSigned(WindowsHostFacts facts) {
        return facts.certificatesIn(facts.listener().effectiveSelfSignedStore()).stream()
                .max(Comparator.comparing(c -> c.certificate().notAfter()));
    }

    /** Whether the served certificate is the self-signed one (renewal by deleting it applies). */
    public static boolean isSelfSignedStoreCertificate(WindowsHostFacts facts, StoreCertificate cert) {
        return cert.store().equalsIgnoreCase(facts.listener().effectiveSelfSignedStore());
    }
}
