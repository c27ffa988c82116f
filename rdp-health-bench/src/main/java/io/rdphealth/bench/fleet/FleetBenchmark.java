package io.rdphealth.bench.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Fleet benchmark: starts the largest fleet of real xrdp servers once, then for every fleet size,
 * round trip and loss probes the first {@code size} servers with the library (child JVM,
 * {@code -Xmx256m}), nmap ({@code rdp-enum-encryption,rdp-ntlm-info}) and {@code sslscan --rdp},
 * one tool at a time, and prints one table. Prints numbers; asserts nothing. Run it with
 * {@code scripts/bench-fleet.sh} (docs/benchmark.md), which builds it, installs nmap and sslscan
 * and, as root, runs it inside a network namespace of its own (needed for {@code --nft}).
 *
 * <p>Round trips: the tools run in a client network namespace ({@code --client-netns}) and reach
 * the fleet over a {@link TunDelayLink} ({@code --tundelay BINARY}) adding RTT/2 per direction to
 * every packet; at RTT 0 they run next to the fleet on 127.0.0.1.
 *
 * <p>Options: {@code --sizes 1,50,200,1000 --rtts 0,50,150 --loss 0 --tools rdphealth,warm,nmap,sslscan
 * --parallelism 256 --sslscan-parallel 16 --base-port 21000 --timeout 900 --warm-runs 20
 * --nft --client-netns NAME --tundelay PATH --peer-max-size 1000}. Peers (nmap, sslscan) run only
 * for sizes up to {@code --peer-max-size}; {@code warm} ({@link WarmProbe}, the same target
 * {@code --warm-runs} times in one JVM, with and without standard-security enumeration) only at size 1.
 */
public final class FleetBenchmark {
    private final Map<String, String> options;
    private final Path work;
    private final List<String[]> rows = new ArrayList<>();

    private FleetBenchmark(Map<String, String> options, Path work) {
        this.options = options;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("sizes", "1,50,200,1000", "rtts", "0,50,150", "loss", "0",
                "tools", "rdphealth,nmap,sslscan", "parallelism", "128", "sslscan-parallel", "16", "base-port", "21000",
                "timeout", "900", "peer-max-size", "1000", "warm-runs", "20"));
        for (int i = 0; i < args.length; i++) {
            String name = args[i].substring(2);
            if (name.equals("nft")) {
                options.put("nft", "true");
            } else {
                options.put(name, args[++i]);
            }
        }
        Path work = Files.createTempDirectory("rdphealth-bench-");
        new FleetBenchmark(options, work).run();
    }

    private List<Integer> ints(String name) {
        return Arrays.stream(options.get(name).split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private void run() throws Exception {
        List<Integer> sizes = ints("sizes");
        int largest = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
        int basePort = Integer.parseInt(options.get("base-port"));
        System.out.printf(Locale.ROOT, "# fleet benchmark: %s; %d cores; load average %s%n", options,
                Runtime.getRuntime().availableProcessors(), loadAverage());
        long fleetStart = System.nanoTime();
        try (XrdpFleet fleet = XrdpFleet.start(largest, basePort);
                NetFilter filter = options.containsKey("nft") ? NetFilter.create(null) : null;
                NetFilter clientFilter = options.containsKey("nft") && options.containsKey("client-netns")
                        ? NetFilter.create(options.get("client-netns")) : null) {
            System.out.printf(Locale.ROOT, "# %d xrdp servers listening on 127.0.0.1:%d-%d after %.1f s, %d MiB resident together%n",
                    largest, basePort, basePort + largest - 1, (System.nanoTime() - fleetStart) / 1e9, fleet.residentMegabytes());
            for (int rtt : ints("rtts")) {
                if (rtt == 0) {
                    for (int loss : ints("loss")) {
                        for (int size : sizes) {
                            scenario(fleet, filter, null, size, rtt, loss);
                        }
                    }
                    continue;
                }
                if (!options.containsKey("client-netns") || !options.containsKey("tundelay")) {
                    System.out.printf("# skipped rtt %d ms: needs --client-netns and --tundelay (root)%n", rtt);
                    continue;
                }
                try (TunDelayLink link = TunDelayLink.start(Path.of(options.get("tundelay")), Duration.ofMillis(rtt).dividedBy(2),
                        null, options.get("client-netns"))) {
                    link.forwardToLoopback(fleet.basePort(), fleet.basePort() + fleet.size() - 1);
                    for (int loss : ints("loss")) {
                        for (int size : sizes) {
                            scenario(fleet, clientFilter, link, size, rtt, loss);
                        }
                    }
                    link.close();
                    System.out.println("# rtt " + rtt + " ms link: " + link.statistics());
                }
            }
        } finally {
            printTable();
        }
    }

    /**
     * One fleet size, round trip and loss, every selected tool. {@code link} null: the tools run
     * next to the fleet on 127.0.0.1; otherwise in the client namespace, over the delaying link.
     */
    private void scenario(XrdpFleet fleet, NetFilter filter, TunDelayLink link, int size, int rtt, int loss) throws Exception {
        if (loss > 0 && filter == null) {
            System.out.printf("# skipped loss %d%%: needs --nft (root, own network namespace)%n", loss);
            return;
        }
        int firstPort = fleet.basePort();
        String host = link == null ? "127.0.0.1" : TunDelayLink.SERVER_ADDRESS;
        List<String> prefix = link == null ? List.of() : TunDelayLink.inNamespace(options.get("client-netns"));
        List<Integer> ports = IntStream.range(firstPort, firstPort + size).boxed().toList();
        if (filter != null) {
            filter.configure(firstPort, firstPort + size - 1, loss);
        }
        String scenario = String.format(Locale.ROOT, "%d targets, rtt %d ms, loss %d%%", size, rtt, loss);
        Path targets = work.resolve("targets-" + size + ".txt");
        Files.write(targets, ports.stream().map(port -> host + ":" + port).toList());
        Measurement library = null;
        List<String> tools = new ArrayList<>();
        for (String tool : options.get("tools").split(",")) {
            if (tool.equals("warm")) {
                if (size == 1) {
                    tools.addAll(List.of("warm-default", "warm-no-standard-security"));
                }
            } else if (tool.startsWith("rdphealth") || size <= Integer.parseInt(options.get("peer-max-size"))) {
                tools.add(tool);
            }
        }
        for (String tool : tools) {
            if (filter != null) {
                filter.resetCounters();
            }
            String load = loadAverage();
            double linkCpuBefore = link == null ? Double.NaN : link.cpuSeconds();
            double fleetCpuBefore = fleet.cpuSeconds();
            long overflowsBefore = listenOverflows();
            List<String> command = new ArrayList<>(prefix);
            command.addAll(command(tool, targets, ports, host, rtt));
            Measurement m = Measurement.of(command, work, Long.parseLong(options.get("timeout")));
            double linkCpu = link == null ? Double.NaN : link.cpuSeconds() - linkCpuBefore;
            double fleetCpu = fleet.cpuSeconds() - fleetCpuBefore;
            long connections = filter == null ? -1 : filter.newConnections();
            long overflows = overflowsBefore < 0 ? -1 : listenOverflows() - overflowsBefore;
            // The fleet's accept queues (xrdp's backlog is 2): a count above 0 explains SERVER_SILENT and slow targets.
            System.out.println("# " + scenario + " | " + tool + " | listen-overflows=" + (overflows < 0 ? "n/a" : overflows));
            m.output().lines().filter(line -> line.startsWith("server-silent: ")).forEach(line -> System.out.println("# " + line));
            int perTarget = tool.startsWith("warm") ? Integer.parseInt(options.get("warm-runs")) : size;
            if (tool.equals("rdphealth")) {
                library = m;
            }
            String found = found(tool, m);
            rows.add(new String[] {scenario, tool, seconds(m.wallSeconds(), m.timedOut()), seconds(m.cpuSeconds(), false),
                    m.peakRssKib() < 0 ? "?" : Long.toString(m.peakRssKib() / 1024),
                    connections < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", (double) connections / perTarget),
                    ratio(m.wallSeconds(), library == null ? Double.NaN : library.wallSeconds()),
                    ratio(m.cpuSeconds(), library == null ? Double.NaN : library.cpuSeconds()),
                    link == null ? "-" : seconds(linkCpu, false), seconds(fleetCpu, false), load, found});
            System.out.println("# " + String.join(" | ", rows.get(rows.size() - 1)));
        }
    }

    private List<String> command(String tool, Path targets, List<Integer> ports, String host, int rtt) throws IOException {
        String range = ports.get(0) + "-" + ports.get(ports.size() - 1);
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        return switch (tool) {
            case "rdphealth", "rdphealth-no-standard-security", "rdphealth-jvm-defaults" -> {
                // The JVM options of the shipped launcher (scripts/rdphealth), except for
                // rdphealth-jvm-defaults: what a plain `java -jar` (or a long-lived JVM) would use.
                List<String> command = new ArrayList<>(List.of(java, "-Xmx256m"));
                if (!tool.equals("rdphealth-jvm-defaults")) {
                    command.addAll(launcherJvmOptions());
                }
                // RDPHEALTH_BENCH_JVM_OPTS: extra options for profiling the measured JVM (GC log, JFR).
                String extra = System.getenv("RDPHEALTH_BENCH_JVM_OPTS");
                if (extra != null && !extra.isBlank()) {
                    command.addAll(Arrays.asList(extra.trim().split("\\s+")));
                }
                command.addAll(List.of("-cp", classpath, ProbeFleet.class.getName(), targets.toString(),
                        options.get("parallelism"), Boolean.toString(!tool.equals("rdphealth-no-standard-security"))));
                yield command;
            }
            case "warm-default", "warm-no-standard-security" -> List.of(java, "-Xmx256m", "-cp", classpath,
                    WarmProbe.class.getName(), host + ":" + ports.get(0), options.get("warm-runs"),
                    Boolean.toString(tool.equals("warm-default")), Integer.toString(rtt));
            // Non-standard ports: the scripts' portrule needs the service identified as ms-wbt-server (-sV).
            case "nmap" -> List.of("nmap", "-Pn", "-n", "-sV", "--version-light", "-p", range, "--script",
                    "rdp-enum-encryption,rdp-ntlm-info", host);
            case "sslscan" -> {
                Path out = Files.createDirectories(work.resolve("sslscan-" + ports.size() + "-" + System.nanoTime()));
                yield List.of("sh", "-c", "xargs -P " + options.get("sslscan-parallel")
                        + " -I{} sh -c 'sslscan --rdp --no-colour {} > \"$0/{}.txt\" 2>&1' " + out + " < " + targets
                        + " ; cat " + out + "/*.txt");
            }
            default -> throw new IllegalArgumentException("unknown tool " + tool);
        };
    }

    /** The default JVM options in scripts/rdphealth (their one home), read from the script. */
    private static List<String> launcherJvmOptions() throws IOException {
        String script = Files.readString(Path.of("scripts", "rdphealth"));
        Matcher matcher = Pattern.compile("\\$\\{RDPHEALTH_JAVA_OPTS:-([^}]*)}").matcher(script);
        if (!matcher.find()) {
            throw new IllegalStateException("scripts/rdphealth: no ${RDPHEALTH_JAVA_OPTS:-...} default found");
        }
        return Arrays.asList(matcher.group(1).trim().split("\\s+"));
    }

    /**
     * TcpExt ListenOverflows of this process's network namespace (the fleet's): how often a
     * listener's accept queue was full when a connection arrived; -1 when not readable.
     */
    private static long listenOverflows() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/net/netstat"));
            for (int i = 0; i + 1 < lines.size(); i += 2) {
                String[] names = lines.get(i).split("\\s+");
                String[] values = lines.get(i + 1).split("\\s+");
                for (int k = 1; k < names.length && k < values.length; k++) {
                    if (names[0].equals("TcpExt:") && names[k].equals("ListenOverflows")) {
                        return Long.parseLong(values[k]);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** What the tool reported, condensed to one cell. */
    private static String found(String tool, Measurement m) {
        String out = m.output();
        if (m.timedOut()) {
            return "TIMED OUT";
        }
        return switch (tool) {
            case "rdphealth", "rdphealth-no-standard-security", "rdphealth-jvm-defaults", "warm-default", "warm-no-standard-security" -> out.lines()
                    .filter(line -> line.startsWith("run-millis=") || line.startsWith("warm ")).findFirst()
                    .map(line -> line + out.lines().filter(l -> l.startsWith("probe-failed: ")).limit(3)
                            .map(l -> " [" + l + "]").collect(Collectors.joining()))
                    .orElse("exit " + m.exitCode() + ": " + out.lines().limit(3).collect(Collectors.joining(" / ")));
            case "nmap" -> String.format(Locale.ROOT, "ms-wbt-server ports %d; rdp-enum-encryption output %d (SSL: SUCCESS %d, "
                    + "CredSSP (NLA): SUCCESS %d); rdp-ntlm-info output %d", count(out, "open  ms-wbt-server"),
                    count(out, "rdp-enum-encryption:"), count(out, "SSL: SUCCESS"), count(out, "CredSSP (NLA): SUCCESS"),
                    count(out, "rdp-ntlm-info:"));
            case "sslscan" -> String.format(Locale.ROOT, "targets scanned %d; TLSv1.2 enabled %d; TLSv1.3 enabled %d; "
                    + "certificate read %d", count(out, "Testing SSL server"), count(out, "TLSv1.2   enabled"),
                    count(out, "TLSv1.3   enabled"), count(out, "Subject:"));
            default -> "";
        };
    }

    private static int count(String text, String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }

    private static String seconds(double value, boolean timedOut) {
        return Double.isNaN(value) ? "?" : String.format(Locale.ROOT, timedOut ? ">%.1f" : "%.2f", value);
    }

    private static String ratio(double value, double library) {
        return Double.isNaN(value) || Double.isNaN(library) || library == 0 ? "" : String.format(Locale.ROOT, "%.1fx", value / library);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private void printTable() {
        String[] header = {"scenario", "tool", "wall s", "CPU s", "peak RSS MiB", "TCP conns/target", "wall vs lib",
            "CPU vs lib", "link CPU s", "servers CPU s", "load", "found"};
        System.out.println();
        System.out.println("| " + String.join(" | ", header) + " |");
        System.out.println("|" + " --- |".repeat(header.length));
        for (String[] row : rows) {
            System.out.println("| " + String.join(" | ", row) + " |");
        }
    }
}
