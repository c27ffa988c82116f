package io.rdphealth.cert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Pure decoding of the PEM files xrdp uses: a certificate chain (leaf first) and an unencrypted
 * private key (PKCS#8, PKCS#1 RSA or SEC1 EC, as OpenSSL reads them). No I/O: callers read the
 * file with a size cap and pass the text.
 */
public final class PemCodec {
    /** Certificate and key files are a few KiB; a cap keeps a hostile file from costing memory. */
    public static final int MAX_PEM_CHARS = 1024 * 1024;
    private static final int MAX_CHAIN = 16;

    private PemCodec() {
    }

    public static List<X509Certificate> certificates(String pem) throws PemFormatException {
        checkSize(pem);
        List<X509Certificate> chain = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof org.bouncycastle.cert.X509CertificateHolder holder) {
                    if (chain.size() == MAX_CHAIN) {
                        throw new PemFormatException("more than " + MAX_CHAIN + " certificates");
                    }
                    chain.add((X509Certificate) factory.generateCertificate(
                            new ByteArrayInputStream(holder.getEncoded())));
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new PemFormatException("not a PEM certificate: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new PemFormatException("no CERTIFICATE block");
        }
        return chain;
    }

    public static PrivateKey privateKey(String pem) throws PemFormatException {
        checkSize(pem);
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(KeyMaterial.BC);
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (object instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (object instanceof PEMEncryptedKeyPair || object instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new PemFormatException("the private key is encrypted; xrdp cannot load an encrypted key");
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new PemFormatException("not a PEM private key: " + e.getMessage(), e);
        }
        throw new PemFormatException("no PRIVATE KEY block");
    }

    private static void checkSize(String pem) throws PemFormatException {
        if (pem.length() > MAX_PEM_CHARS) {
            throw new PemFormatException("larger than " + MAX_PEM_CHARS + " characters: not a certificate or key file");
        }
    }
}
