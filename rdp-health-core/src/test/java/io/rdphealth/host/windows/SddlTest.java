package io.rdphealth.host.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SddlTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "O:SYG:SYD:PAI(A;;FA;;;SY)(A;;GR;;;NS) | true",
            "O:SYG:SYD:PAI(A;;FA;;;SY)(A;;0x12019f;;;S-1-5-20) | true",
            "D:(A;;FR;;;WD) | true",
            "D:(A;;FR;;;AU) | true",
            "O:SYG:SYD:PAI(A;;FA;;;SY)(A;;FA;;;BA) | false",
            "D:(D;;FR;;;NS)(A;;FA;;;WD) | false",
            "D:(A;;FW;;;NS) | false",
            "D:(A;;0x1;;;NS) | true"})
    void networkServiceReadIsJudgedFromTheAces(String sddl, boolean readable) {
        assertThat(Sddl.parse(sddl).networkServiceCanRead()).isEqualTo(readable);
    }

    @Test
    void grantingReadKeepsOtherAcesAndCanonicalOrder() {
        SecurityDescriptor broken = Sddl.parse("O:SYG:SYD:AI(D;;FA;;;NS)(A;;FA;;;SY)(A;ID;FA;;;BA)");

        SecurityDescriptor fixed = broken.withNetworkServiceRead();

        assertThat(fixed.networkServiceCanRead()).isTrue();
        assertThat(fixed.toSddl()).isEqualTo("O:SYG:SYD:AI(A;;FA;;;SY)(A;;FR;;;NS)(A;ID;FA;;;BA)");
        assertThat(Sddl.parse(fixed.toSddl())).isEqualTo(fixed);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'' | empty",
            "X:SY | unknown SDDL part 'X:'",
            "D:(A;;FA;;;SY | unterminated ACE",
            "D:(A;;FA;SY) | has 4 fields",
            "D:(A;;F;;;SY) | bad rights",
            "D:junk(A;;FA;;;SY)x | expected '('"})
    void malformedTextIsNamed(String sddl, String message) {
        assertThatThrownBy(() -> Sddl.parse(sddl)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
