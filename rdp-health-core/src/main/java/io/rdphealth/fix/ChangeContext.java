package io.rdphealth.fix;

import java.nio.file.Path;

/**
 * What a step may use while it runs.
 *
 * @param runId     unique id of this run (also the name of its backup directory)
 * @param backupDir directory for this run's backups; kept after the run so a person can restore by hand
 */
public record ChangeContext(String runId, Path backupDir) {
}
