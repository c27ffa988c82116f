package io.rdphealth.cert;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a new self-signed server certificate looks like.
 *
 * @param keyType  RSA or EC
 * @param keySize  RSA modulus bits (2048 or more) or EC curve size (256 or 384)
 * @param names    DNS names and IP addresses for the SANs; the first is also the CN. Never empty.
 * @param validity how long it is valid from now (it starts one hour back, for clock skew)
 */
public record SelfSignedSpec(KeyType keyType, int keySize, List<String> names, Duration validity) {
    public enum KeyType { RSA, EC }

    public SelfSignedSpec {
        Objects.requireNonNull(keyType, "keyType");
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one name");
        }
        if (keyType == KeyType.RSA && (keySize < 2048 || keySize > 8192)) {
            throw new IllegalArgumentException("RSA key size must be 2048..8192 bits, was " + keySize);
        }
        if (keyType == KeyType.EC && keySize != 256 && keySize != 384) {
            throw new IllegalArgumentException("EC key size must be 256 (P-256) or 384 (P-384), was " + keySize);
        }
        if (validity.isNegative() || validity.isZero() || validity.toDays() > 3650) {
            throw new IllegalArgumentException("validity must be 1..3650 days, was " + validity.toDays() + " days");
        }
    }

    public static SelfSignedSpec rsa(List<String> names, int days) {
        return new SelfSignedSpec(KeyType.RSA, 2048, names, Duration.ofDays(days));
    }

    /** {@code RSA 2048} or {@code EC P-256}. */
    public String keyDescription() {
        return keyType == KeyType.RSA ? "RSA " + keySize : "EC P-" + keySize;
    }
}
