package io.rdphealth.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rdphealth.host.windows.WindowsFactsFormatException;
import io.rdphealth.host.windows.WindowsFactsJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/** A Windows host-facts snapshot; the only declared error is {@link WindowsFactsFormatException}. */
class WindowsFactsFuzzTest {
    private static final WindowsFactsJson JSON = new WindowsFactsJson();

    @FuzzTest(maxDuration = "3s")
    @Timeout(10)
    void parse(byte[] input) {
        try {
            assertThat(JSON.parse(new String(input, StandardCharsets.UTF_8))).isNotNull();
        } catch (WindowsFactsFormatException e) {
            ParseErrors.assertExplains(e);
        }
    }
}
