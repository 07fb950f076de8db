#!/usr/bin/env bash
# Installs code-server, the VS Code the integration tests run in on machines that reach only the npm
# registry and Debian (see VSCODE-TESTING.md). Idempotent: a quick no-op once installed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
host="$here/host"
version="4.100.3"
stamp="$host/node_modules/.statcite-installed-$version"

# VS Code's native modules compile against these; chromium is the browser the tests drive, and
# without a CJK font it draws the corpus's Chinese as boxes in the end-to-end screenshots.
packages=(chromium fonts-noto-cjk libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep)

install_debian_packages() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return
  echo "install.sh: installing Debian packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

# @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the tarball.
seed_ripgrep_cache() {
  local cache
  cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
  local tarball="$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
  [ -s "$tarball" ] && return
  local tmp
  tmp="$(mktemp -d)"
  cp "$(command -v rg)" "$tmp/rg"
  mkdir -p "$cache"
  tar -czf "$tarball" -C "$tmp" rg
  rm -rf "$tmp"
}

# Checked every time (dpkg-query is quick), so a package added to the list reaches old checkouts.
install_debian_packages
[ -f "$stamp" ] && exit 0

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != "20" ]; then
  echo "install.sh: code-server $version needs Node 20 exactly; this is Node $(node -v)." >&2
  exit 1
fi
seed_ripgrep_cache

echo "install.sh: installing code-server $version into $host (a few minutes)"
cd "$host"
# npm_config_yes: install scripts run `npx node-gyp`, and npx refuses to fetch it without a yes.
# --unsafe-perm: npm 11 calls it unknown but still exports it, and code-server's postinstall refuses
# to run as root without it.
if [ -f package-lock.json ]; then
  npm_config_yes=true npm ci --unsafe-perm --no-audit --no-fund
else
  npm_config_yes=true npm install --unsafe-perm --no-audit --no-fund
fi
node_modules/.bin/code-server --version
touch "$stamp"
echo "install.sh: code-server $version installed"
