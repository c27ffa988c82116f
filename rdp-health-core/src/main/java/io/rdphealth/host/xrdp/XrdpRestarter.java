package io.rdphealth.host.xrdp;

import java.io.IOException;

/**
 * Restarts xrdp. The renewal calls it only when the wire still serves the old certificate after
 * the files were replaced (xrdp 0.9/0.10 re-read certificate and key on every connection, so a
 * pair swap normally needs no restart and no session is cut).
 */
public interface XrdpRestarter {
    /** Restarts xrdp and returns when the restart command finished. */
    void restart() throws IOException;

    /** What it runs, for the plan. */
    String describe();
}
