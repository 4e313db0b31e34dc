#!/usr/bin/env bash
# Times `vcsync export` (xlsx and csv) as whole processes, with their peak memory (GNU time's maximum resident set),
# on a database holding the simulator's max world (45,000 VMs), against a baseline in the same run:
# `vcsync vms --json`, which reads the same VMs from the same database and prints them.
# Usage: bench/export-bench.sh [DB] [REPETITIONS]   (without DB: syncs `./vcsync demo --size max` into a temporary one)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="${1:-}"
repetitions="${2:-3}"
if [ -z "$db" ]; then
  db="$work/vcsync.db"
  echo "export-bench: syncing the max world into $db" >&2
  "$root/vcsync" demo --size max --db "$db" >/dev/null
fi
"$root/vcsync" --help >/dev/null   # builds .build/cli when sources changed
vcsync="$root/.build/cli/vcsync"
[ -x /usr/bin/time ] || { echo "export-bench: needs GNU time (apt-get install time)" >&2; exit 1; }

# Runs a command REPETITIONS times; prints the medians of wall seconds, CPU seconds (user + system) and peak RSS in MiB.
measure() {
  local walls=() cpus=() peaks=()
  for _ in $(seq "$repetitions"); do
    rm -rf "$work/out.xlsx" "$work/out-csv"
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >"$work/stdout" 2>"$work/stderr" \
      || { cat "$work/stderr" >&2; exit 1; }
    read -r wall user system kib < <(tail -n 1 "$work/time")
    walls+=("$wall"); cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN { printf "%.2f", u + s }')"); peaks+=("$((kib / 1024))")
  done
  median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { printf "%s", a[int((NR + 1) / 2)] }'; }
  echo "$(median "${walls[@]}") $(median "${cpus[@]}") $(median "${peaks[@]}")"
}

vms=$(sqlite3 "$db" 'SELECT count(*) FROM vcenter_vms' 2>/dev/null || "$vcsync" vms --db "$db" --json | grep -c '"moref"')
load_before=$(cut -d' ' -f1 /proc/loadavg)
read -r base_wall base_cpu base_rss < <(measure "$vcsync" vms --db "$db" --json)
read -r xlsx_wall xlsx_cpu xlsx_rss < <(measure "$vcsync" export --db "$db" --format xlsx --out "$work/out.xlsx")
"$vcsync" export --db "$db" --format xlsx --out "$work/out.xlsx" >/dev/null
xlsx_size=$(stat -c %s "$work/out.xlsx")
read -r csv_wall csv_cpu csv_rss < <(measure "$vcsync" export --db "$db" --format csv --out "$work/out-csv")
load_after=$(cut -d' ' -f1 /proc/loadavg)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
cat <<REPORT
Export of $vms VMs, $(nproc) cores, load average $load_before before and $load_after after, median of $repetitions runs,
whole processes (runtime start, schema check, read, write, exit):

| command | wall s | CPU s | peak RSS MiB | wall vs baseline | CPU vs baseline |
|---|---:|---:|---:|---:|---:|
| baseline: \`vcsync vms --json\` | $base_wall | $base_cpu | $base_rss | 1.00 | 1.00 |
| \`vcsync export --format xlsx\` ($((xlsx_size / 1024 / 1024)) MiB file) | $xlsx_wall | $xlsx_cpu | $xlsx_rss | $(ratio "$xlsx_wall" "$base_wall") | $(ratio "$xlsx_cpu" "$base_cpu") |
| \`vcsync export --format csv\` | $csv_wall | $csv_cpu | $csv_rss | $(ratio "$csv_wall" "$base_wall") | $(ratio "$csv_cpu" "$base_cpu") |
REPORT
