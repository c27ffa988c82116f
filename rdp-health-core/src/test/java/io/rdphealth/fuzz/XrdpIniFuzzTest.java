package io.rdphealth.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rdphealth.host.xrdp.XrdpIniParse;
import io.rdphealth.host.xrdp.XrdpIniParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

/** xrdp.ini: the parser never throws; a file it cannot read is {@link XrdpIniParse.Invalid} naming the line. */
class XrdpIniFuzzTest {
    @FuzzTest(maxDuration = "3s")
    @Timeout(10)
    void parse(byte[] input) {
        XrdpIniParse parse = XrdpIniParser.parse(new String(input, StandardCharsets.UTF_8), Path.of("/etc/xrdp"));
        if (parse instanceof XrdpIniParse.Invalid invalid) {
            assertThat(invalid.problem()).isNotBlank();
            assertThat(invalid.line()).isNotNegative();
        } else {
            assertThat(parse).isInstanceOf(XrdpIniParse.Parsed.class);
        }
    }
}
