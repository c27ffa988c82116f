package io.rdphealth.host.xrdp;

import static org.assertj.core.api.Assertions.assertThat;

import io.rdphealth.evidence.TlsVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class XrdpIniParserTest {
    private static XrdpConfig parsed(String text) {
        XrdpIniParse parse = XrdpIniParser.parse(text);
        assertThat(parse).isInstanceOf(XrdpIniParse.Parsed.class);
        return ((XrdpIniParse.Parsed) parse).config();
    }

    private static XrdpIniParse.Invalid invalid(String text) {
        XrdpIniParse parse = XrdpIniParser.parse(text);
        assertThat(parse).isInstanceOf(XrdpIniParse.Invalid.class);
        return (XrdpIniParse.Invalid) parse;
    }

    /** The ini the Debian package installs on this machine: empty certificate= means xrdp's defaults. */
    @Test
    void readsTheInstalledDebianConfigWithDefaults() throws Exception {
        XrdpConfig config = parsed(Files.readString(Path.of("/etc/xrdp/xrdp.ini")));
        assertThat(config.listen().port()).isEqualTo(3389);
        assertThat(config.listen().localClientHost()).isEqualTo("127.0.0.1");
        assertThat(config.securityLayer()).isEqualTo(SecurityLayer.NEGOTIATE);
        assertThat(config.certificate()).isEqualTo(Path.of("/etc/xrdp/cert.pem"));
        assertThat(config.keyFile()).isEqualTo(Path.of("/etc/xrdp/key.pem"));
        assertThat(config.logFile()).isEqualTo(Path.of("/var/log/xrdp.log"));
        assertThat(TlsProtocols.enabled(config.sslProtocols())).containsExactly(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3);
    }

    @Test
    void readsListenerFormsAndKeysCaseInsensitively() {
        XrdpConfig config = parsed("[globals]\nPort=tcp://.:4000\nSecurity_Layer=TLS\ncertificate=/a/c.pem\n"
                + "key_file=/a/k.pem\nruntime_user=xrdp\nruntime_group=ssl-cert\n[Logging]\nLogFile=/tmp/x.log\n");
        assertThat(config.listen()).isEqualTo(new ListenSpec("tcp://.:4000", ListenSpec.Kind.TCP, ".", 4000));
        assertThat(config.securityLayer()).isEqualTo(SecurityLayer.TLS);
        assertThat(config.certificate()).isEqualTo(Path.of("/a/c.pem"));
        assertThat(config.runtimeUser()).isEqualTo("xrdp");
        assertThat(config.runtimeGroup()).isEqualTo("ssl-cert");
        assertThat(config.logFile()).isEqualTo(Path.of("/tmp/x.log"));
        assertThat(config.where("certificate")).isEqualTo("line 4 certificate");
        assertThat(parsed("[Globals]\nport=tcp6://{::1}:3390\n").listen().localClientHost()).isEqualTo("::1");
        assertThat(parsed("[Globals]\nport=vsock://-1:3389\n").listen().isTcp()).isFalse();
        assertThat(parsed("[Globals]\nport=tcp://10.1.2.3:3389\n").listen().localClientHost()).isEqualTo("10.1.2.3");
    }

    /** xrdp replaces a relative certificate path by its default; the reading says so. */
    @Test
    void relativeCertificatePathFallsBackToTheDefaultWithANote() {
        XrdpConfig config = parsed("[Globals]\ncertificate=cert.pem\nkey_file=\n");
        assertThat(config.certificate()).isEqualTo(Path.of("/etc/xrdp/cert.pem"));
        assertThat(config.notes()).singleElement().asString().contains("relative");
    }

    @Test
    void namesTheLineOfEachProblem() {
        assertThat(invalid("[Globals]\nport=3389\nthis is junk\n").line()).isEqualTo(3);
        assertThat(invalid("port=3389\n[Globals]\n").describe()).isEqualTo("line 1: 'port=3389' comes before any [section]");
        assertThat(invalid("[Globals\nport=1\n").line()).isEqualTo(1);
        assertThat(invalid("[Globals]\n\n# c\nsecurity_layer=ssl\n").describe())
                .isEqualTo("line 4: security_layer=ssl is not one of tls, negotiate, rdp");
        assertThat(invalid("[Globals]\nport=70000\n").problem()).contains("outside 1..65535");
        assertThat(invalid("[Globals]\nport=tcp://.\n").problem()).contains("no ':PORT'");
        assertThat(invalid("[Globals]\nport=http://x:1\n").problem()).contains("unknown transport");
        assertThat(invalid("[Other]\nport=1\n").describe()).isEqualTo("no [Globals] section");
        assertThat(invalid("[Globals]\nkey\u0000=1\n").problem()).contains("control character");
    }

    @Test
    void sslProtocolsAreReadLikeXrdp() {
        assertThat(TlsProtocols.enabled("TLSv1, TLSv1.1")).containsExactly(TlsVersion.TLS_1_0, TlsVersion.TLS_1_1);
        assertThat(TlsProtocols.enabled("TLSv1.3")).containsExactly(TlsVersion.TLS_1_3);
        assertThat(TlsProtocols.enabled("tls12")).isEmpty();
        assertThat(parsed("[Globals]\nssl_protocols=SSLv3\n").notes()).singleElement().asString()
                .contains("names no protocol");
    }

    /** A fuzz-style sweep: random byte soup never throws, it parses or names a line inside the text. */
    @Test
    void arbitraryInputNeverThrows() {
        java.util.Random random = new java.util.Random(42);
        String alphabet = "[]=#;\n\r \tGlobalsportcertificate:/.\u0000\u00e90123456789";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(i % 7 == 0 ? "[Globals]\n" : "");
            int length = random.nextInt(120);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            XrdpIniParse parse = XrdpIniParser.parse(text.toString());
            if (parse instanceof XrdpIniParse.Invalid bad) {
                assertThat(bad.line()).isBetween(0, text.toString().split("\r?\n|\r", -1).length);
                assertThat(bad.problem()).isNotBlank();
            }
        }
    }
}
