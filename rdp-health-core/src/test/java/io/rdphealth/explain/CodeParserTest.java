package io.rdphealth.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeParserTest {

    @ParameterizedTest
    @CsvSource({
        "0x904, 2308",
        "0X904, 2308",
        "2308, 2308",
        "' 0x7 ', 7",
        "0x00000007, 7",
        "0007, 7",
        "0, 0",
        "0x0, 0",
        "0xFFFFFFFF, 4294967295",
        "4294967295, 4294967295",
        "0xc08, 3080"})
    void readsHexWithPrefixAndDecimal(String text, long expected) {
        assertThat(CodeParser.parse(text, "CODE")).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "-1, negative",
        "-0x904, negative",
        "0x100000000, larger than 0xFFFFFFFF",
        "4294967296, larger than 0xFFFFFFFF",
        "99999999999999999999999999, larger than 0xFFFFFFFF",
        "0x000000000000000000000001FFFFFFFFF, larger than 0xFFFFFFFF",
        "0x, no digits after 0x",
        "0xG1, not a hexadecimal digit: 'g'",
        "0x-1, not a hexadecimal digit: '-'",
        "904h, not a number",
        "+5, not a number",
        "1.5, not a number",
        "C08, looks hexadecimal: write it with 0x, e.g. 0xC08",
        "abc, looks hexadecimal"})
    void refusesBadNumbersNamingWhatWasWrong(String text, String message) {
        assertThatThrownBy(() -> CodeParser.parse(text, "CODE"))
                .isInstanceOf(InvalidCodeException.class)
                .hasMessageContaining("CODE '" + text + "'")
                .hasMessageContaining(message);
    }

    @Test
    void refusesEmptyAndNonAsciiDigits() {
        assertThatThrownBy(() -> CodeParser.parse("  ", "EXTENDED")).isInstanceOf(InvalidCodeException.class)
                .hasMessageStartingWith("EXTENDED is empty");
        assertThatThrownBy(() -> CodeParser.parse(null, "CODE")).isInstanceOf(InvalidCodeException.class);
        // Arabic-Indic digit three: Character.digit would accept it, a code copied from a dialog never has it.
        assertThatThrownBy(() -> CodeParser.parse("\u0663", "CODE")).isInstanceOf(InvalidCodeException.class);
    }

    @Test
    void randomTextEitherParsesIntoRangeOrFailsWithTheDocumentedException() {
        Random random = new Random(904);
        String alphabet = "0123456789abcdefxXgh-+ .\u0663";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int j = 0; j < length; j++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                long value = CodeParser.parse(text.toString(), "CODE");
                assertThat(value).isBetween(0L, CodeParser.MAX_CODE);
            } catch (InvalidCodeException expected) {
                assertThat(expected.getMessage()).startsWith("CODE");
            }
        }
    }
}
