#!/usr/bin/env bash
# The main job on a fresh Debian 12 machine: installs what is missing, builds the rdphealth CLI,
# and probes RDP targets.
#
#   scripts/demo.sh                 # no RDP server at hand: starts xrdp on a free loopback port with an
#                                   # expired, SHA-1 signed, wrong-host certificate and probes it
#   scripts/demo.sh HOST[:PORT]...  # probes your targets instead (any rdphealth check options may follow)
#
# The demo server never binds 3389 or a non-loopback address, and is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
jar=rdp-health-cli/target/rdphealth.jar
if [[ ! -f $jar || -n $(find rdp-health-core/src rdp-health-cli/src pom.xml */pom.xml -newer "$jar" -print -quit) ]]; then
  echo "demo: building the CLI (mvn package, tests skipped; run the test command for those)"
  mvn -B -q -ntp -DskipTests package
fi

if [[ $# -gt 0 ]]; then
  exec scripts/rdphealth check "$@"
fi

work=$(mktemp -d /tmp/rdphealth-demo.XXXXXX)
chmod 0755 "$work"
pid=""
cleanup() {
  if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# A certificate that expired 30 days ago, for the wrong host, signed with SHA-1. OpenSSL's req/x509
# cannot set dates in the past; 'openssl ca -selfsign' with a throw-away CA config can.
mkdir -p "$work/ca/newcerts"
: > "$work/ca/index.txt"
echo 1000 > "$work/ca/serial"
cat > "$work/ca.cnf" <<CNF
[ca]
default_ca = demo
[demo]
dir = $work/ca
database = \$dir/index.txt
new_certs_dir = \$dir/newcerts
serial = \$dir/serial
default_md = sha1
policy = anything
copy_extensions = copy
unique_subject = no
[anything]
commonName = supplied
[req]
distinguished_name = dn
prompt = no
[dn]
CN = old-jumphost.example.com
CNF
openssl req -new -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/req.pem" -config "$work/ca.cnf" 2>/dev/null
start=$(date -u -d '-400 days' +%Y%m%d%H%M%SZ)
end=$(date -u -d '-30 days' +%Y%m%d%H%M%SZ)
openssl ca -batch -selfsign -config "$work/ca.cnf" -keyfile "$work/key.pem" -in "$work/req.pem" -out "$work/cert.pem" \
  -startdate "$start" -enddate "$end" -md sha1 -notext 2>/dev/null
chmod 0644 "$work/cert.pem" "$work/key.pem"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
  || shuf -i 20000-60000 -n 1)
if [[ $port == 3389 ]]; then port=33389; fi
cat > "$work/xrdp.ini" <<INI
[Globals]
ini_version=1
fork=true
port=tcp://.:$port
security_layer=negotiate
certificate=$work/cert.pem
key_file=$work/key.pem
ssl_protocols=TLSv1, TLSv1.1, TLSv1.2, TLSv1.3
tls_ciphers=DEFAULT:@SECLEVEL=0
crypt_level=low
[Logging]
LogFile=$work/xrdp.log
LogLevel=INFO
EnableSyslog=false
INI
xrdp --nodaemon --config "$work/xrdp.ini" > "$work/xrdp.out" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  sleep 0.05
done
echo "demo: xrdp (pid $pid) on 127.0.0.1:$port with an expired, SHA-1, wrong-host certificate and TLS 1.0 enabled"
echo "demo: scripts/rdphealth check 127.0.0.1:$port"
echo
set +e
scripts/rdphealth check "127.0.0.1:$port"
code=$?
set -e
echo
echo "demo: rdphealth exited with $code (0 healthy, 1 warnings, 2 errors/critical, 3 usage)"
