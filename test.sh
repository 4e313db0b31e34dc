#!/usr/bin/env bash
# Runs the whole VcSync test suite: installs what the tests need (PostgreSQL server binaries,
# Go and govmomi for the simulator), builds, and runs every test project against real components.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y -qq "$@" >/dev/null 2>&1 || { as_root apt-get update -qq >/dev/null && as_root apt-get install -y -qq "$@" >/dev/null; }
}

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "test.sh: installing PostgreSQL server binaries from Debian" >&2
  apt_install postgresql
fi
if ! /usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1; then
  echo "test.sh: installing python3-openpyxl from Debian (the export tests read workbooks back with it)" >&2
  apt_install python3-openpyxl
fi
if ! command -v chromium >/dev/null 2>&1; then
  # The dashboard's browser tests drive Debian's chromium (Playwright's own browser download is not reachable).
  echo "test.sh: installing chromium from Debian" >&2
  apt_install chromium
fi
bash test/Simulator/build.sh >&2
# The CLI tests run the native executable that users get from ./vcsync (built here when the sources changed);
# with VCSYNC_TEST_CLI= (empty) they run the JIT build's vcsync.dll instead.
if [ -z "${VCSYNC_TEST_CLI+set}" ]; then
  ./vcsync --help >/dev/null
  export VCSYNC_TEST_CLI="$root/.build/cli/vcsync"
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
# The simulator's own Go tests (its XML encoder against govmomi's), reported in dotnet's summary format.
(cd test/Simulator/vcsim && GOPATH=/usr/share/gocode GO111MODULE=off go test -count=1 -v . 2>&1) > "$log.go"
go_status=$?
go_passed=$(grep -c -- '^--- PASS' "$log.go"); go_failed=$(grep -c -- '^--- FAIL' "$log.go")
[ "$go_status" = 0 ] || { cat "$log.go"; [ "$go_failed" -gt 0 ] || go_failed=1; }
go_word=Passed; [ "$go_status" = 0 ] || go_word=Failed
echo "$go_word!  - Failed: $go_failed, Passed: $go_passed, Skipped: 0, Total: $((go_passed + go_failed)) - simulator (go test)" | tee "$log"
rm -f "$log.go"
dotnet test VcSync.slnx -c Release --nologo "$@" 2>&1 | tee -a "$log"
status=${PIPESTATUS[0]}
[ "$go_status" = 0 ] || status=1
set -e

# dotnet test prints one "Passed!/Failed! - Failed: F, Passed: P, Skipped: S, Total: T" line per test assembly.
awk '
  /(Passed|Failed)! +- +Failed:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:")  { gsub(",", "", $(i+1)); f += $(i+1) }
      if ($i == "Passed:")  { gsub(",", "", $(i+1)); p += $(i+1) }
      if ($i == "Skipped:") { gsub(",", "", $(i+1)); s += $(i+1) }
    }
    n++
  }
  END {
    if (n == 0) { print "Tests: 0 passed, 1 failed (no test assembly reported a result)"; exit 1 }
    printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s
  }' "$log" || status=1
exit "$status"
