package io.rdphealth.check;

import io.rdphealth.report.TargetResult;

/** Told about each target as it finishes (in completion order), e.g. to draw a progress line. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total, result) -> { };

    void targetDone(int done, int total, TargetResult result);
}
