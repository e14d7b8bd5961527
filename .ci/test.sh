#!/usr/bin/env bash
# Runs every test project, browser tests included. Installs Debian's Chromium and PostgreSQL first when missing
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

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "PostgreSQL is not installed: installing Debian's postgresql package for the PostgreSQL and scale-out tests..."
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd="sudo"
  fi
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q postgresql
fi

dotnet test RunBack.sln "$@"
