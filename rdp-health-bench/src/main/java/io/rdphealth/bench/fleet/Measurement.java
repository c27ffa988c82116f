package io.rdphealth.bench.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One measured process tree, by GNU time (wait4 rusage): wall time, user+system CPU of the process
 * and every descendant it waited for, and the largest resident set of any single one of them
 * ({@code %M}: for a batch of sslscan processes that is the biggest sslscan, not the sum).
 */
record Measurement(double wallSeconds, double cpuSeconds, long peakRssKib, int exitCode, boolean timedOut, String output) {

    static Measurement of(List<String> command, Path workDir, long timeoutSeconds) throws IOException, InterruptedException {
        Path timeFile = Files.createTempFile(workDir, "time-", ".txt");
        Path outFile = Files.createTempFile(workDir, "out-", ".txt");
        List<String> wrapped = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %U %S %M", "-o", timeFile.toString()));
        wrapped.addAll(command);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(wrapped).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(outFile.toFile()).start();
        boolean done = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return new Measurement((System.nanoTime() - start) / 1e9, Double.NaN, -1, -1, true, Files.readString(outFile));
        }
        String[] fields = Files.readAllLines(timeFile).stream().filter(line -> line.matches("[0-9. ]+"))
                .reduce((a, b) -> b).orElse("0 0 0 0").trim().split(" ");
        return new Measurement(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]) + Double.parseDouble(fields[2]),
                Long.parseLong(fields[3]), process.exitValue(), false, Files.readString(outFile));
    }
}
