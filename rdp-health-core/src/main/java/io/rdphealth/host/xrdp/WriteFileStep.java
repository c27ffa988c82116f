package io.rdphealth.host.xrdp;

import io.rdphealth.fix.AtomicFiles;
import io.rdphealth.fix.ChangeContext;
import io.rdphealth.fix.Compensation;
import io.rdphealth.fix.FileBackup;
import io.rdphealth.fix.FileOwnership;
import io.rdphealth.fix.Step;
import java.io.IOException;
import java.nio.file.Path;

/** Backs up a file (or link) and replaces it atomically with new content and ownership. */
final class WriteFileStep implements Step {
    private final Path path;
    private final byte[] content;
    private final FileOwnership ownership;
    private final String what;
    private final String backupLabel;

    WriteFileStep(Path path, byte[] content, FileOwnership ownership, String what, String backupLabel) {
        this.path = path;
        this.content = content.clone();
        this.ownership = ownership;
        this.what = what;
        this.backupLabel = backupLabel;
    }

    @Override
    public String description() {
        return "write " + what + " to " + path + " (" + ownership + ", atomic replace; a link is replaced, its target kept)";
    }

    @Override
    public Compensation prepare(ChangeContext context) throws IOException {
        return FileBackup.backup(path, context.backupDir(), backupLabel);
    }

    @Override
    public void apply(ChangeContext context) throws IOException {
        AtomicFiles.write(path, content, ownership);
    }
}
