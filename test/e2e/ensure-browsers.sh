#!/usr/bin/env bash
# Installs Debian's Chromium and Firefox ESR for the end-to-end tests, only when either is missing
# (CI runs on fresh machines). Needs root, as CI and the dev machines have.
set -eu
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/firefox-esr ]; then
  exit 0
fi
echo "installing chromium and firefox-esr (Debian packages)..."
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium firefox-esr
