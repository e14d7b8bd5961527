#!/usr/bin/env bash
# Runs every test project, browser tests and real-fault tests included. Installs what they need on a fresh Debian
# machine first: Chromium for the browser tests (Playwright's own browser download does not work on these machines),
# e2fsprogs (chattr) and util-linux (mount) for the real-fault tests, which also need root, PostgreSQL for the
# tests on PostgreSQL and the two-instance test (their fixture runs it as a non-root user), and poppler-utils
# (pdftotext) for the print tests, which read the PDFs' text back, and python3-icalendar, the second, independent
# iCalendar parser the reminder tests read the .ics with, and Node/npm, which writes the training-import tests' FIT files.
# A first argument naming a test project (or its folder) runs that project alone; the other arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v chattr >/dev/null 2>&1 || missing+=(e2fsprogs)
{ command -v mount >/dev/null 2>&1 && command -v umount >/dev/null 2>&1; } || missing+=(mount)
command -v kill >/dev/null 2>&1 || missing+=(procps)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
/usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1 || missing+=(python3-icalendar)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Installing Debian packages the tests need: ${missing[*]}..."
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd="sudo"
  fi
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q "${missing[@]}"
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Note: not running as root, so the root-only real-fault tests (RunBack.SystemTests: tmpfs, chattr) are skipped, or fail saying so under CI=true."
fi

# The training-import tests write their FIT files with Garmin's FIT SDK in Node (pinned in its package-lock.json).
if [ ! -d tests/RunBack.BrowserTests/TrainingFixtures/node_modules ]; then
  (cd tests/RunBack.BrowserTests/TrainingFixtures && npm ci --no-audit --no-fund)
fi

target=RunBack.sln
if [ $# -gt 0 ] && [ -e "$1" ]; then
  target=$1
  shift
fi
dotnet test "$target" "$@"
