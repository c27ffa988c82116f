package io.rdphealth.host.xrdp;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** The identity lines of {@code /proc/PID/status} (pure parsing). */
public final class ProcStatus {
    private ProcStatus() {
    }

    /**
     * @return effective uid, effective gid and supplementary groups, or empty when the text lacks them
     */
    public static Optional<int[]> uidGid(String status) {
        Integer uid = null;
        Integer gid = null;
        for (String line : status.split("\n")) {
            if (line.startsWith("Uid:")) {
                uid = field(line, 1);
            } else if (line.startsWith("Gid:")) {
                gid = field(line, 1);
            }
        }
        return uid == null || gid == null ? Optional.empty() : Optional.of(new int[] {uid, gid});
    }

    public static Set<Integer> groups(String status) {
        Set<Integer> groups = new LinkedHashSet<>();
        for (String line : status.split("\n")) {
            if (line.startsWith("Groups:")) {
                for (String token : line.substring(7).trim().split("\\s+")) {
                    if (!token.isEmpty() && token.chars().allMatch(Character::isDigit) && token.length() < 10) {
                        groups.add(Integer.parseInt(token));
                    }
                }
            }
        }
        return groups;
    }

    /** {@code Uid: real effective saved fs}: index 1 is the effective id. */
    private static Integer field(String line, int index) {
        String[] tokens = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
        if (tokens.length <= index || !tokens[index].chars().allMatch(Character::isDigit) || tokens[index].length() > 9) {
            return null;
        }
        return Integer.parseInt(tokens[index]);
    }
}
