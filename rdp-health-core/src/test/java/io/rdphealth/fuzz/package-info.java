/**
 * Jazzer fuzz tests, one class per parser of peer or file input. Each {@code @FuzzTest} runs its
 * seed corpus ({@code src/test/resources/io/rdphealth/fuzz/<Class>Inputs/}, bytes captured from the
 * real servers by {@link io.rdphealth.fuzz.SeedCapture}) as regression tests in every build; with
 * {@code JAZZER_FUZZ=1} it fuzzes for its {@code maxDuration} (see docs/fuzzing.md). The contract
 * checked: the parser returns, or throws only its declared parse error with a message; never any
 * other exception, a hang (the {@code @Timeout} becomes libFuzzer's per-input timeout) or an
 * allocation the input's length does not bound (the fuzzing JVM runs with a small heap).
 */
package io.rdphealth.fuzz;
