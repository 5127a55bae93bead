#!/usr/bin/env bash
# Installs the headless browser the serving web-page test drives: Debian's chromium and
# chromium-driver. Idempotent: does nothing when both are already on the PATH. Needs root (or sudo)
# and apt; prints what it did. Usage: serving/src/test/install-browser.sh
set -euo pipefail

have() { command -v "$1" >/dev/null 2>&1; }

if have chromium && have chromedriver; then
  echo "install-browser: chromium and chromedriver already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if have sudo; then SUDO="sudo"; else
    echo "install-browser: need root or sudo to apt-get install chromium chromium-driver" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
# apt's lock may be held by another install on a shared machine: wait for it instead of failing.
$SUDO apt-get -o DPkg::Lock::Timeout=300 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends chromium chromium-driver
echo "install-browser: installed $(chromium --version 2>/dev/null || echo chromium), $(chromedriver --version 2>/dev/null | head -1)"
