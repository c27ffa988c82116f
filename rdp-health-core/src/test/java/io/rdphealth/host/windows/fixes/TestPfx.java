package io.rdphealth.host.windows.fixes;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A real PKCS#12 file (CA-style certificate with Server Authentication EKU) minted in-process for the install-cert tests. */
final class TestPfx {
    static final char[] PASSWORD = "changeit".toCharArray();

    private TestPfx() {
    }

    private static final java.util.Map<java.time.Instant, byte[]> MINTED = new java.util.concurrent.ConcurrentHashMap<>();

    /** One file per clock instant (RSA key generation is slow on shared cores); a copy each time. */
    static byte[] bytes(Clock clock) throws Exception {
        byte[] cached = MINTED.get(clock.instant());
        if (cached == null) {
            cached = mint(clock);
            MINTED.put(clock.instant(), cached);
        }
        return cached.clone();
    }

    private static byte[] mint(Clock clock) throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair pair = gen.generateKeyPair();
        var now = clock.instant();
        var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=Corp Issuing CA 2"), BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))),
                new X500Name("CN=app-srv-07.corp.example.com"), pair.getPublic());
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("rdp", pair.getPrivate(), PASSWORD, new Certificate[] {cert});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, PASSWORD);
        return out.toByteArray();
    }
}
