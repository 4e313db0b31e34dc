#!/usr/bin/env bash
# Builds the VcSync vCenter simulator (bin/vcsim-vcsync) from vcsim/*.go.
# Installs Debian's golang-go and golang-github-vmware-govmomi-dev when missing (root or sudo,
# non-interactive) and skips the build when the binary is newer than every source file.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/bin/vcsim-vcsync"
govmomi=/usr/share/gocode/src/github.com/vmware/govmomi/simulator

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y -qq "$@" >/dev/null 2>&1 ||
    { as_root apt-get update -qq >/dev/null && as_root apt-get install -y -qq "$@" >/dev/null; }
}

if ! command -v go >/dev/null 2>&1 || [ ! -d "$govmomi" ]; then
  echo "simulator: installing golang-go and golang-github-vmware-govmomi-dev" >&2
  apt_install golang-go golang-github-vmware-govmomi-dev
fi

if [ -x "$out" ] && [ -z "$(find "$here/vcsim" "$here/build.sh" -newer "$out" -print -quit)" ]; then
  exit 0
fi

echo "simulator: building $out" >&2
mkdir -p "$here/bin"
cache="${GOCACHE:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/go-build}"
mkdir -p "$cache" 2>/dev/null || cache="$here/bin/.gocache"
tmp="$out.tmp.$$"
(cd "$here/vcsim" && GOPATH=/usr/share/gocode GO111MODULE=off GOFLAGS= GOCACHE="$cache" go build -trimpath -o "$tmp" .)
mv -f "$tmp" "$out"
