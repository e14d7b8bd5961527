#!/usr/bin/env bash
# Runs every test project, browser tests included. Installs Debian's Chromium (and poppler-utils) first when missing
# (Playwright's own browser download does not work on these machines). Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Chromium is not installed: installing Debian's chromium package for the browser tests..."
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd="sudo"
  fi
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q chromium
fi

# The print tests read the PDFs' text back with poppler's pdftotext.
if ! command -v pdftotext >/dev/null 2>&1; then
  echo "pdftotext is not installed: installing poppler-utils for the print tests..."
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd="sudo"
  fi
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q poppler-utils
fi

dotnet test RunBack.sln "$@"
