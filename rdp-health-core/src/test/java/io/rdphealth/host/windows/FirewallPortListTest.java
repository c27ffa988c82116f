package io.rdphealth.host.windows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The LocalPorts strings of firewall rules as Windows writes them, against the RDP port. */
class FirewallPortListTest {
    @ParameterizedTest(name = "''{0}'' covers {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "*|3389|true",
            "''|3389|true",
            "3389|3389|true",
            "3389|3390|false",
            "3389,3390-3400|3395|true",
            "3389,3390-3400|3400|true",
            "3389,3390-3400|3401|false",
            "3389,3390-3400|3388|false",
            "80, 443 , 3000-3389|3389|true",
            "1-65535|3389|true",
            "3400-3390|3395|false",
            "RPC|3389|false",
            "RPC-EPMap|135|false",
            "RPC,IPHTTPS,Teredo,PlayToDiscovery|3389|false",
            "IPHTTPSIn|443|false",
            "3389x|3389|false",
            "33890|3389|false",
            "99999|3389|false",
            "-3389|3389|false",
            "3389-|3389|false",
            "RPC,3389|3389|true",
            "445,*|3389|true",
            ",,3389,|3389|true"})
    void coversThePortOnlyForNumbersRangesAndTheWildcard(String localPorts, int port, boolean covered) {
        assertThat(FirewallPortList.covers(localPorts, port)).isEqualTo(covered);
    }

    @Test
    void absentLocalPortsMeanEveryPort() {
        assertThat(FirewallPortList.covers(null, 3389)).isTrue();
    }

    /** Whatever a snapshot holds, the check answers (no exception) and never matches a port outside a list it built. */
    @Test
    void randomStringsNeverThrowAndListsWithoutThePortNeverMatch() {
        Random random = new Random(7);
        String alphabet = "0123456789,-* RPCEMapx";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(24); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            FirewallPortList.covers(text.toString(), random.nextInt(65536));
        }
        for (int i = 0; i < 2_000; i++) {
            int a = random.nextInt(3389);
            int b = 3390 + random.nextInt(60000);
            assertThat(FirewallPortList.covers(a + "," + b + "-" + (b + random.nextInt(100)) + ",RPC", 3389)).isFalse();
        }
        assertThat(FirewallPortList.covers("1,".repeat(5000) + "3389", 3389)).as("longer than any rule").isFalse();
    }
}
