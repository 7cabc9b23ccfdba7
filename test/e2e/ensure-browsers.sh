#!/usr/bin/env bash
# Installs Debian's Chromium and Firefox ESR for the end-to-end tests, and a CJK font with which
# the PDF tests print a corpus page to PDF (fonts-droid-fallback, about 7 MB), and Info-ZIP's unzip
# with which the export test checks a saved .xlsx archive from outside; only what is missing
# (CI runs on fresh machines). Needs root, as CI and the dev machines have.
set -eu
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
[ -x /usr/bin/firefox-esr ] || missing="$missing firefox-esr"
[ -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || missing="$missing fonts-droid-fallback"
command -v unzip >/dev/null || missing="$missing unzip"
if [ -z "$missing" ]; then
  exit 0
fi
echo "installing$missing (Debian packages)..."
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
# shellcheck disable=SC2086
$SUDO apt-get install -y --no-install-recommends $missing
