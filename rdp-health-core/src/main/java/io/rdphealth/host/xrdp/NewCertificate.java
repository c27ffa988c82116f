package io.rdphealth.host.xrdp;

import io.rdphealth.cert.KeyMaterial;
import io.rdphealth.cert.SelfSignedSpec;
import java.util.List;

/** Where the renewal's new pair comes from. */
public sealed interface NewCertificate {
    /**
     * A new self-signed certificate minted on this host.
     *
     * @param keyType      RSA or EC
     * @param keySize      RSA bits (2048+) or EC size (256/384)
     * @param names        SAN names; empty for the host name plus the DNS names of the current certificate
     * @param validityDays validity in days
     */
    record SelfSigned(SelfSignedSpec.KeyType keyType, int keySize, List<String> names, int validityDays)
            implements NewCertificate {
        public SelfSigned {
            names = List.copyOf(names);
        }

        public static SelfSigned defaults() {
            return new SelfSigned(SelfSignedSpec.KeyType.RSA, 2048, List.of(), 365);
        }
    }

    /**
     * A certificate the user supplies (PEM pair or PKCS#12, already read and checked to match).
     *
     * @param material the key and chain
     * @param origin   where it came from, for the report (never the password)
     */
    record Provided(KeyMaterial material, String origin) implements NewCertificate {
        /**
         * A supplied pair, checked before anything changes: the key belongs to the certificate and the
         * certificate has not expired at {@code now}.
         *
         * @throws IllegalArgumentException naming what is wrong and {@code origin}
         */
        public static Provided checked(KeyMaterial material, String origin, java.time.Instant now) {
            if (!material.matches()) {
                throw new IllegalArgumentException("the given key does not belong to the given certificate (" + origin + ")");
            }
            if (material.leaf().getNotAfter().toInstant().isBefore(now)) {
                throw new IllegalArgumentException("the given certificate expired on " + material.leaf().getNotAfter().toInstant());
            }
            return new Provided(material, origin);
        }
    }
}
