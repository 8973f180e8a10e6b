#!/usr/bin/env bash
# System packages for the integration tests: OpenLink Virtuoso (push) and Chromium with its
# WebDriver (browser tests). Idempotent; installs only as root where apt-get exists. Prints what
# it could not install and always exits 0: the tests that need a missing package skip and say
# why, so a machine without them still runs everything else.
set -uo pipefail

packages=(virtuoso-opensource chromium chromium-driver)
commands=(virtuoso-t chromium chromedriver)

missing=()
for i in "${!packages[@]}"; do
  command -v "${commands[$i]}" >/dev/null 2>&1 || missing+=("${packages[$i]}")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system-deps: all present (${packages[*]})"
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: cannot install ${missing[*]} (needs root and apt-get); their tests will skip"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
# The package lists may be absent or stale on a fresh machine.
apt-get update -q >/dev/null 2>&1 || echo "system-deps: apt-get update failed; trying the cached lists"
for pkg in "${missing[@]}"; do
  if apt-get install -y -q --no-install-recommends "$pkg" >/dev/null 2>&1; then
    echo "system-deps: installed $pkg"
  else
    echo "system-deps: could not install $pkg; its tests will skip"
  fi
done
# Debian's package starts a system Virtuoso on the default ports; the tests use a private one on
# other ports, so the system service is only stopped if this script's install started it.
if command -v service >/dev/null 2>&1 && [[ " ${missing[*]} " == *" virtuoso-opensource "* ]]; then
  service virtuoso-opensource-7 stop >/dev/null 2>&1 || true
fi
exit 0
