#!/usr/bin/env bash
# Runs every test of Rapport: installs Chromium for the browser tests when the machine lacks it, starts a throwaway
# PostgreSQL server (installing PostgreSQL first when the machine lacks it), builds the solution in Release, checks its formatting, runs every
# test project, and ends with one line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
cleanup() { scripts/postgres.sh stop >/dev/null 2>&1 || true; rm -f "$log"; }
trap cleanup EXIT

# The browser tests drive Debian's Chromium through Playwright (no browser is ever downloaded); install it when missing.
if [[ ! -x "${RAPPORT_CHROMIUM:-/usr/bin/chromium}" ]]; then
  sudo=()
  [[ "$(id -u)" != "0" ]] && command -v sudo >/dev/null && sudo=(sudo)
  echo "Installing Chromium for the browser tests"
  "${sudo[@]}" apt-get update -qq >/dev/null
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-droid-fallback >/dev/null
fi
# Names in Chinese or Japanese render as empty boxes in the screenshots without a CJK font (the tests pass either way).
if [[ ! -e /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ]] && command -v apt-get >/dev/null; then
  sudo=()
  [[ "$(id -u)" != "0" ]] && command -v sudo >/dev/null && sudo=(sudo)
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-droid-fallback >/dev/null 2>&1 || true
fi

postgres_line=$(scripts/postgres.sh start | grep '^RAPPORT_TEST_POSTGRES=' | tail -n 1)
export RAPPORT_TEST_POSTGRES="${postgres_line#RAPPORT_TEST_POSTGRES=}"
echo "PostgreSQL for the storage tests: $RAPPORT_TEST_POSTGRES"

dotnet build Rapport.slnx -c Release -nologo -v quiet
status=0

# The code's layout is settled by .editorconfig; a file that dotnet format would change counts as one failed test.
format_failed=0
if ! dotnet format Rapport.slnx --verify-no-changes -v quiet; then
  echo "Formatting: the files above differ from .editorconfig's rules; run 'dotnet format Rapport.slnx' and commit the result."
  format_failed=1
  status=1
fi
dotnet test --solution Rapport.slnx -c Release --no-build "$@" 2>&1 | tee "$log" || status=$?

# Microsoft.Testing.Platform closes with a "Test run summary" block (total, failed, succeeded, skipped); read the last.
summary=$(awk -v format_failed="$format_failed" '
  /Test run summary/    { f = 0; p = 0; s = 0 }
  /^ *failed: [0-9]+/    { f = $2 }
  /^ *succeeded: [0-9]+/ { p = $2 }
  /^ *skipped: [0-9]+/   { s = $2 }
  END { f += format_failed; if (s > 0) printf "%d skipped (listed above with the reason; not counted as passed)\n", s; printf "%d passed, %d failed\n", p, f }' "$log")
echo "$summary"
exit $status
