package io.rdphealth.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Servers a test never closed are gone after its JVM ends: through the shutdown hook on a normal
 * exit, through the watchdog when the JVM is SIGKILLed (no hook runs then).
 */
class FixtureCleanupTest {

    @ParameterizedTest
    @ValueSource(strings = {"exit", "wait"})
    void abandonedServersDieWithTheirJvm(String mode) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java, "-cp", classPath, AbandoningMain.class.getName(), mode)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
            String line = out.readLine();
            assertThat(line).as("child JVM printed its server pids").isNotNull().matches("\\d+ \\d+ \\d+");
            List<ProcessHandle> servers = Arrays.stream(line.split(" ")).map(Long::parseLong)
                    .map(pid -> ProcessHandle.of(pid).orElseThrow()).toList();
            assertThat(servers).allMatch(ProcessHandle::isAlive);

            if ("wait".equals(mode)) {
                child.destroyForcibly(); // SIGKILL: no shutdown hook runs
            }
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();

            assertThat(LoopbackPorts.await(() -> servers.stream().noneMatch(ProcessHandle::isAlive), Duration.ofSeconds(10)))
                    .as("xrdp, shadow and Xvfb gone after the JVM ended (%s)", mode).isTrue();
        } finally {
            child.destroyForcibly();
        }
    }
}
