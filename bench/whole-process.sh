#!/usr/bin/env bash
# Whole-process comparison (issue 13): the native vcsync against the pyVmomi fetch-only script, each timed from
# process start to exit, alternating, median of N, against a simulator (default: the plan's 1,500 VMs).
#   bench/whole-process.sh [--size plan|10k|max] [--repetitions N] [--jit]
# --jit adds the JIT build (dotnet vcsync.dll) for comparison. Needs python3-pyvmomi (installed if missing).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if ! /usr/bin/python3 -c 'import pyVmomi' 2>/dev/null; then
  echo "whole-process: installing python3-pyvmomi from Debian" >&2
  as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  as_root apt-get install -y -qq python3-pyvmomi >/dev/null 2>&1 || { as_root apt-get update -qq >/dev/null && as_root apt-get install -y -qq python3-pyvmomi >/dev/null; }
fi
./vcsync --help >/dev/null   # builds the native executable when the sources changed
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --jit) args+=(--jit "$root/src/VcSync.Cli/bin/Release/net10.0/vcsync.dll"); shift ;;
    *) args+=("$1"); shift ;;
  esac
done
dotnet build bench/VcSync.Bench -c Release --nologo -v quiet >&2
exec dotnet bench/VcSync.Bench/bin/Release/net10.0/VcSync.Bench.dll --whole-process --vcsync "$root/.build/cli/vcsync" "${args[@]}"
