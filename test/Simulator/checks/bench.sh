#!/usr/bin/env bash
# Starts the simulator at a size, prints its start-up line and memory, and times full paged fetches
# of every VM and host over raw SOAP (checks/fetchbench). Usage: checks/bench.sh [size] [rounds]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-max}" rounds="${2:-3}"
bash "$here/build.sh"
(cd "$here" && GOPATH=/usr/share/gocode GO111MODULE=off go build -o bin/fetchbench ./checks/fetchbench)
out="$(mktemp)"
/usr/bin/time -f "simulator: %e s wall, %U s user, %S s sys, max RSS %M KB" \
  "$here/bin/vcsim-vcsync" -size "$size" -ignore-stdin >"$out" 2>"$out.err" &
pid=$! spid=""
cleanup() {
  # /usr/bin/time does not pass signals on: stop the simulator itself.
  [ -n "$spid" ] && kill "$spid" 2>/dev/null || kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  grep -v "^timing" "$out.err" >&2 || true
  rm -f "$out" "$out.err"
}
trap cleanup EXIT
for _ in $(seq 1 600); do [ -s "$out" ] && break; sleep 0.1; done
line="$(head -1 "$out")"
echo "$line"
field() { echo "$line" | sed -E "s/.*\"$1\":\"?([^\",}]*).*/\1/"; }
url="$(field url)" user="$(field username)" pass="$(field password)" spid="$(field pid)"
grep VmRSS "/proc/$spid/status"
"$here/bin/fetchbench" -url "$url" -user "$user" -pass "$pass" -rounds "$rounds" -type VirtualMachine -pid "$spid"
"$here/bin/fetchbench" -url "$url" -user "$user" -pass "$pass" -rounds 1 -type HostSystem -pid "$spid"
grep VmRSS "/proc/$spid/status"
