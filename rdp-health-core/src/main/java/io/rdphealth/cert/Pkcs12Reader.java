package io.rdphealth.cert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads the first key entry of a PKCS#12 file (bytes already read with a cap) with its chain. */
public final class Pkcs12Reader {
    public static final int MAX_BYTES = 1024 * 1024;

    private Pkcs12Reader() {
    }

    public static KeyMaterial read(byte[] pkcs12, char[] password) throws PemFormatException {
        if (pkcs12.length > MAX_BYTES) {
            throw new PemFormatException("PKCS#12 file larger than " + MAX_BYTES + " bytes");
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pkcs12), password);
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, password);
                Certificate[] chain = store.getCertificateChain(alias);
                if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
                    List<X509Certificate> certificates = new ArrayList<>();
                    for (Certificate certificate : chain) {
                        certificates.add((X509Certificate) certificate);
                    }
                    return new KeyMaterial(privateKey, certificates);
                }
            }
            throw new PemFormatException("the PKCS#12 file holds no private key with a certificate");
        } catch (IOException e) {
            throw new PemFormatException("cannot open the PKCS#12 file (wrong password or not PKCS#12): "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new PemFormatException("cannot read the PKCS#12 file: " + e.getMessage(), e);
        }
    }
}
