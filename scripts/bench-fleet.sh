#!/usr/bin/env bash
# Fleet benchmark: real xrdp servers probed by RDP Health, nmap and sslscan, one table.
# Usage: scripts/bench-fleet.sh [--sizes 1,50,200,1000] [--rtts 0,50,150] [--loss 0,5] [--tools rdphealth,rdphealth-no-standard-security,rdphealth-jvm-defaults,warm,nmap,sslscan]
#        [--parallelism 128] [--sslscan-parallel 16] [--peer-max-size 1000] [--timeout 900] [--warm-runs 20]
# See docs/benchmark.md. As root it runs inside a network namespace of its own (created here and
# always deleted on exit), where nftables counts connections and drops packets; round trips are
# simulated by tundelay between it and a second namespace of its own for the tools; nothing is
# bound outside them. Without root: loopback of the current namespace, no connection counts, no
# loss, no round trips.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v nmap >/dev/null || missing+=(nmap)
command -v sslscan >/dev/null || missing+=(sslscan)
[ -x /usr/bin/time ] || missing+=(time)
command -v gcc >/dev/null || missing+=(gcc libc6-dev)
command -v xrdp >/dev/null || missing+=(xrdp)
if [ ${#missing[@]} -gt 0 ]; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -q
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

mvn -B -q -ntp -Pbench -pl rdp-health-bench -am package -DskipTests
# The latency model: one native single-threaded process delaying packets between two namespaces.
gcc -O2 -Wall -Werror -o rdp-health-bench/target/tundelay rdp-health-bench/src/main/c/tundelay.c
CP="$PWD/rdp-health-bench/target/classes:$(cat rdp-health-bench/target/classpath.txt)"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

if [ "$(id -u)" = 0 ] && command -v ip >/dev/null && command -v nft >/dev/null; then
    NS="rdpbench-$$"          # the fleet, the benchmark and the RTT-0 tools
    CLIENT_NS="rdpbench-$$-c" # the tools when a round trip is simulated (tundelay link to "$NS")
    cleanup() {
        for ns in "$NS" "$CLIENT_NS"; do
            for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
            ip netns delete "$ns" 2>/dev/null || true
        done
    }
    trap cleanup EXIT INT TERM
    ip netns add "$NS"
    ip netns add "$CLIENT_NS"
    ip -n "$NS" link set lo up
    ip -n "$CLIENT_NS" link set lo up
    ip netns exec "$NS" java -cp "$CP" io.rdphealth.bench.fleet.FleetBenchmark --nft --client-netns "$CLIENT_NS" \
        --tundelay "$PWD/rdp-health-bench/target/tundelay" "$@"
else
    echo "# not root (or no ip/nft): current namespace, no connection counts, no packet loss" >&2
    java -cp "$CP" io.rdphealth.bench.fleet.FleetBenchmark "$@"
fi
