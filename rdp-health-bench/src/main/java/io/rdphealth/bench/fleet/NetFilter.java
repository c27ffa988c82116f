package io.rdphealth.bench.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * nftables in one of the benchmark's OWN network namespaces (scripts/bench-fleet.sh creates them
 * and runs the benchmark inside the servers' one; never used in the host's namespace): a counter of new TCP connections
 * (conntrack {@code ct state new}, so a retransmitted SYN is not counted twice) to the ports the
 * tools connect to, and random packet loss on them in both directions
 * ({@code numgen random mod 100 < N drop}).
 */
final class NetFilter implements AutoCloseable {
    private static final String TABLE = "rdpbench";
    private static final Pattern PACKETS = Pattern.compile("counter packets (\\d+)");

    /** {@code ip netns exec NAME} for the client namespace, empty for the current one. */
    private final List<String> prefix;
    private long baseline;

    private NetFilter(List<String> prefix) {
        this.prefix = prefix;
    }

    /** In the namespace {@code netns} (one of ours), or in the current one when null. */
    static NetFilter create(String netns) throws IOException, InterruptedException {
        NetFilter filter = new NetFilter(TunDelayLink.inNamespace(netns));
        filter.nft("add table inet " + TABLE);
        filter.nft("add chain inet " + TABLE + " out { type filter hook output priority 0; }");
        filter.nft("add chain inet " + TABLE + " in { type filter hook input priority 0; }");
        return filter;
    }

    /** Counts new connections to {@code lo..hi} and drops {@code lossPercent}% of packets to and from them. */
    void configure(int lo, int hi, int lossPercent) throws IOException, InterruptedException {
        baseline = 0;
        nft("flush chain inet " + TABLE + " out");
        nft("flush chain inet " + TABLE + " in");
        nft("add rule inet " + TABLE + " out tcp dport " + lo + "-" + hi + " ct state new counter");
        if (lossPercent > 0) {
            nft("add rule inet " + TABLE + " in tcp dport " + lo + "-" + hi + " numgen random mod 100 < " + lossPercent + " drop");
            nft("add rule inet " + TABLE + " in tcp sport " + lo + "-" + hi + " numgen random mod 100 < " + lossPercent + " drop");
        }
    }

    /**
     * Starts a new count. The rule's counter itself is not reset: {@code nft reset counters} only
     * resets named counter objects, not a rule's anonymous counter (nft 1.0.6 here), so every tool
     * after the first in a scenario used to be charged the earlier tools' connections too.
     */
    void resetCounters() throws IOException, InterruptedException {
        baseline = total();
    }

    /** New connections since {@link #resetCounters()} (or since {@link #configure}). */
    long newConnections() throws IOException, InterruptedException {
        long total = total();
        return total < 0 ? -1 : total - baseline;
    }

    private long total() throws IOException, InterruptedException {
        Matcher matcher = PACKETS.matcher(nft("list chain inet " + TABLE + " out"));
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        nft("delete table inet " + TABLE);
    }

    private String nft(String arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(prefix);
        command.add("nft");
        command.addAll(List.of(arguments.split(" ")));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("nft " + arguments + ": " + output);
        }
        return output;
    }
}
