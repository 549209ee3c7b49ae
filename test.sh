#!/usr/bin/env bash
# The one test command (README, CI): installs what the tests need, builds (the build enforces the analyzers and
# the code style, formatting included: IDE0055 in .editorconfig, warnings as errors), runs every test project
# (migrations of both providers checked against the model by MigrationsTests), and ends with one line "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"

# 1. Debian packages the tests need: PostgreSQL server binaries (throwaway cluster) and Chromium (end-to-end).
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian packages: ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
      || { echo "apt-get install ${need[*]} failed" >&2; exit 1; }
  else
    echo "Missing Debian packages: ${need[*]}. Install them with: sudo apt-get install -y ${need[*]} (or run ./test.sh as root)." >&2
    exit 1
  fi
fi

set -e
echo "== build"
dotnet build OpenCpts.slnx -c Release --nologo -v quiet -clp:ErrorsOnly
set +e

echo "== tests"
export OPENCPTS_EXIGER_POSTGRES=1
log=$(mktemp)
status=0
# One project after the other: the browser journeys get the 2 cores to themselves instead of racing
# the integration tests for them.
for projet in tests/OpenCpts.Tests tests/OpenCpts.E2E; do
  dotnet test "$projet" -c Release --no-build --nologo 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
done
# VSTest prints one "Passed!/Failed!  - Failed: F, Passed: P, Skipped: S, Total: T" line per test assembly.
summary=$(grep -E '(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+' "$log" \
  | sed -E 's/.*Failed: +([0-9]+), +Passed: +([0-9]+), +Skipped: +([0-9]+).*/\1 \2 \3/' \
  | awk '{f+=$1; p+=$2; s+=$3; n++} END {printf "%d %d %d %d", p, f, s, n}')
read -r passed failed skipped assemblies <<<"$summary"
rm -f "$log"
if [ "${assemblies:-0}" -eq 0 ]; then
  echo "No test results found."
  echo "0 passed, 1 failed"
  exit 1
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # a test host crashed or a project failed without a summary line
fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
