package io.rdphealth.renew;

/** Hears the renewal's progress, one line at a time (a build log, a console). */
@FunctionalInterface
public interface RenewalProgress {
    RenewalProgress SILENT = line -> {
    };

    void line(String text);
}
