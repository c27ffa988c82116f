package io.rdphealth.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rdphealth.report.ReportFormatException;
import io.rdphealth.report.ReportJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * A JSON report as read back from a history entry ({@code RunHistory} reads each entry's text with
 * {@link ReportJson#read}); the only declared error is {@link ReportFormatException}.
 */
class ReportJsonFuzzTest {
    private static final ReportJson JSON = new ReportJson();

    @FuzzTest(maxDuration = "3s")
    @Timeout(10)
    void read(byte[] input) {
        try {
            assertThat(JSON.read(new String(input, StandardCharsets.UTF_8))).isNotNull();
        } catch (ReportFormatException e) {
            ParseErrors.assertExplains(e);
        }
    }
}
