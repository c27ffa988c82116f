package io.rdphealth.host.xrdp;

import io.rdphealth.fix.FileOwnership;
import java.nio.file.Path;
import java.util.List;

/**
 * A certificate or key file as xrdp sees it.
 *
 * @param configured the path xrdp opens
 * @param links      the symbolic links followed, {@code link -> target} each
 * @param resolved   the file at the end of the links ({@code null} when a link dangles)
 * @param exists     whether that file exists
 * @param ownership  its owner, group and mode ({@code null} when it does not exist)
 * @param readable   whether xrdp's runtime identity can open it (search on every directory, read on the file)
 * @param denial     why it cannot, naming the directory or file and its ownership; {@code null} when readable
 */
public record FileFacts(Path configured, List<String> links, Path resolved, boolean exists, FileOwnership ownership,
                        boolean readable, String denial) {
    public FileFacts {
        links = List.copyOf(links);
    }

    public boolean isSymlink() {
        return !links.isEmpty();
    }

    /** {@code /etc/xrdp/key.pem -> /etc/ssl/private/x.key (0:103 0640)} for evidence. */
    public String describe() {
        StringBuilder text = new StringBuilder(configured.toString());
        if (isSymlink()) {
            text.append(" -> ").append(resolved == null ? "(dangling)" : resolved);
        }
        if (ownership != null) {
            text.append(" (").append(ownership).append(')');
        } else {
            text.append(" (missing)");
        }
        return text.toString();
    }
}
