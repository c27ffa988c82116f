package io.rdphealth.probe.tls;

import java.io.IOException;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.tls.CertificateType;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsNonceGenerator;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * BouncyCastle's TLS crypto without its RSA modulus validation. Each time BouncyCastle makes RSA
 * key parameters from a certificate it proves the modulus composite with Miller-Rabin rounds (and
 * remembers proven moduli only weakly): about 18 % of the probe's CPU time in a 300-target run,
 * for the one signature check of a handshake. The probe trusts nothing the server sends, so the
 * check protects nothing here; the signature itself is still verified, so a server whose key does
 * not match its certificate still fails the handshake. No JVM-wide property is touched (the
 * other way to turn the check off, {@code org.bouncycastle.rsa.max_mr_tests}, is global).
 */
final class ProbeTlsCrypto extends BcTlsCrypto {

    ProbeTlsCrypto(SecureRandom random) {
        super(random);
    }

    /**
     * Nonces (the client random) straight from the SecureRandom. BouncyCastle's default seeds a
     * SHA-256 digest generator per connection and cycles it per nonce: 2 % of the CPU of a
     * 1000-target run, for values that only need to be unpredictable, which the SecureRandom
     * already is. The probe sends no secret over these connections.
     */
    @Override
    public TlsNonceGenerator createNonceGenerator(byte[] additionalSeedMaterial) {
        SecureRandom random = getSecureRandom();
        return size -> {
            byte[] nonce = new byte[size];
            random.nextBytes(nonce);
            return nonce;
        };
    }

    @Override
    public TlsCertificate createCertificate(short type, byte[] encoding) throws IOException {
        return type == CertificateType.X509 ? new ServerCertificate(this, encoding) : super.createCertificate(type, encoding);
    }

    /** A server certificate whose RSA public key is read without the modulus validation. */
    private static final class ServerCertificate extends BcTlsCertificate {
        private AsymmetricKeyParameter publicKey;

        ServerCertificate(BcTlsCrypto crypto, byte[] encoding) throws IOException {
            super(crypto, encoding);
        }

        @Override
        protected AsymmetricKeyParameter getPublicKey() throws IOException {
            if (publicKey == null) {
                ASN1ObjectIdentifier algorithm = keyInfo.getAlgorithm().getAlgorithm();
                if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm) || PKCSObjectIdentifiers.id_RSASSA_PSS.equals(algorithm)) {
                    RSAPublicKey key;
                    try {
                        key = RSAPublicKey.getInstance(keyInfo.parsePublicKey());
                    } catch (IllegalArgumentException e) {
                        throw new IOException("the certificate's RSA public key cannot be decoded: " + e.getMessage(), e);
                    }
                    // The fourth argument (internal) skips the Miller-Rabin validation, nothing else.
                    publicKey = new RSAKeyParameters(false, key.getModulus(), key.getPublicExponent(), true);
                } else {
                    publicKey = super.getPublicKey();
                }
            }
            return publicKey;
        }
    }
}
