package io.rdphealth.host.xrdp;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Users and groups from {@code /etc/passwd} and {@code /etc/group} text (pure parsing; malformed
 * lines are skipped, as libc does).
 */
public final class UnixAccounts {
    /** A user: name, uid, primary gid. */
    public record User(String name, int uid, int gid) {
    }

    private final Map<String, User> usersByName = new HashMap<>();
    private final Map<Integer, String> userNames = new HashMap<>();
    private final Map<String, Integer> groupIds = new HashMap<>();
    private final Map<Integer, String> groupNames = new HashMap<>();
    private final Map<Integer, Set<String>> members = new HashMap<>();

    public static UnixAccounts parse(String passwd, String group) {
        UnixAccounts accounts = new UnixAccounts();
        for (String line : passwd.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 4 && !f[0].isEmpty() && isId(f[2]) && isId(f[3])) {
                User user = new User(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3]));
                accounts.usersByName.putIfAbsent(user.name(), user);
                accounts.userNames.putIfAbsent(user.uid(), user.name());
            }
        }
        for (String line : group.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length >= 3 && !f[0].isEmpty() && isId(f[2])) {
                int gid = Integer.parseInt(f[2]);
                accounts.groupIds.putIfAbsent(f[0], gid);
                accounts.groupNames.putIfAbsent(gid, f[0]);
                Set<String> names = accounts.members.computeIfAbsent(gid, k -> new LinkedHashSet<>());
                if (f.length >= 4 && !f[3].isBlank()) {
                    for (String member : f[3].split(",")) {
                        names.add(member.strip());
                    }
                }
            }
        }
        return accounts;
    }

    private static boolean isId(String text) {
        return !text.isEmpty() && text.length() <= 10 && text.chars().allMatch(Character::isDigit)
                && Long.parseLong(text) <= Integer.MAX_VALUE;
    }

    public Optional<User> user(String name) {
        return Optional.ofNullable(usersByName.get(name));
    }

    public Optional<Integer> groupId(String name) {
        return Optional.ofNullable(groupIds.get(name));
    }

    public String userName(int uid) {
        return userNames.getOrDefault(uid, Integer.toString(uid));
    }

    public String groupName(int gid) {
        return groupNames.getOrDefault(gid, Integer.toString(gid));
    }

    /** The user's primary group and every group that lists the user as a member. */
    public Set<Integer> groupsOf(User user) {
        Set<Integer> groups = new LinkedHashSet<>();
        groups.add(user.gid());
        members.forEach((gid, names) -> {
            if (names.contains(user.name())) {
                groups.add(gid);
            }
        });
        return groups;
    }
}
