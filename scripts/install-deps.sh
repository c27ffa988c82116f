#!/usr/bin/env bash
# Installs the Debian packages the RDP Health tests and demo need (Debian 12), when missing.
# Idempotent. Run as root or with sudo available.
#
# The xrdp package would start its system service on port 3389 (and on a systemd machine enable
# it at boot). Tests start their own xrdp on free loopback ports and must never meet one on 3389,
# so services are kept from starting during the install (policy-rc.d answering 101), disabled
# afterwards, and a leftover xrdp listening on 3389 is stopped.
set -euo pipefail

# Later helpers append here (e.g. chromium).
PACKAGES=(
  openjdk-17-jdk-headless
  maven
  xrdp
  freerdp2-shadow-x11
  xvfb
  openssl
  nftables
  iproute2
  procps
  ca-certificates
  chromium
)

say() { printf 'install-deps: %s\n' "$*"; }

if [[ $(id -u) -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  say "must run as root (or with sudo installed)" >&2
  exit 1
fi

missing=()
for package in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  if [[ "$status" != "installed" ]]; then
    missing+=("$package")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  say "all ${#PACKAGES[@]} packages already installed: ${PACKAGES[*]}"
else
  say "installing: ${missing[*]}"
  policy=/usr/sbin/policy-rc.d
  backup=""
  if [[ -e "$policy" ]]; then
    backup=$(mktemp)
    "${SUDO[@]}" cp -p "$policy" "$backup"
    say "saved existing $policy"
  fi
  restore_policy() {
    if [[ -n "$backup" ]]; then
      "${SUDO[@]}" cp -p "$backup" "$policy"
      rm -f "$backup"
      say "restored previous $policy"
    else
      "${SUDO[@]}" rm -f "$policy"
      say "removed temporary $policy"
    fi
  }
  trap restore_policy EXIT
  # 101 = "action forbidden": maintainer scripts do not start services (xrdp on 3389).
  printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee "$policy" >/dev/null
  "${SUDO[@]}" chmod 0755 "$policy"
  say "temporary $policy keeps services from starting"

  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
  restore_policy
  trap - EXIT
  say "installed: ${missing[*]}"
fi

if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null 2>&1; then
  if "${SUDO[@]}" systemctl disable --now xrdp xrdp-sesman >/dev/null 2>&1; then
    say "systemd: disabled and stopped xrdp, xrdp-sesman"
  else
    say "systemd: could not disable xrdp/xrdp-sesman (not installed as units?); continuing"
  fi
else
  say "systemd not running: no services to disable"
fi

# Whatever xrdp still listens on 3389 (started by hand or by a non-systemd init) is stopped.
stopped=0
if command -v ss >/dev/null 2>&1; then
  pids=$("${SUDO[@]}" ss -ltnpH 'sport = :3389' 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u || true)
  for pid in $pids; do
    comm=$(cat "/proc/$pid/comm" 2>/dev/null || true)
    if [[ "$comm" == "xrdp" ]]; then
      say "stopping xrdp pid $pid listening on port 3389"
      "${SUDO[@]}" kill -TERM "$pid" 2>/dev/null || true
      for _ in 1 2 3 4 5 6 7 8 9 10; do
        [[ -e "/proc/$pid" ]] || break
        sleep 0.2
      done
      if [[ -e "/proc/$pid" ]]; then
        "${SUDO[@]}" kill -KILL "$pid" 2>/dev/null || true
        say "killed xrdp pid $pid"
      fi
      stopped=$((stopped + 1))
    elif [[ -n "$comm" ]]; then
      say "port 3389 is used by '$comm' (pid $pid), not xrdp: left alone"
    fi
  done
fi
if [[ $stopped -eq 0 ]]; then
  say "no xrdp listening on port 3389"
fi
say "done"
