#!/usr/bin/env bash
# Quick start: installs what StatCite needs, builds it and opens it on the bundled sample corpus —
# in desktop VS Code when `code` is on the PATH, otherwise in code-server at a printed address.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  npm_config_yes=true npm ci
fi
npm run build

if command -v code >/dev/null 2>&1; then
  exec code --extensionDevelopmentPath="$root" "$root/sample"
fi

bash test/code-server/install.sh
port=${PORT:-8080}
payload=$(node -e '
  const [root, port] = process.argv.slice(1);
  const uri = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  process.stdout.write(encodeURIComponent(JSON.stringify([["extensionDevelopmentPath", uri(root)]])));
' "$root" "$port")
data=${STATCITE_DATA:-$HOME/.statcite-code-server}
mkdir -p "$data/data/User" "$data/ext"
[ -f "$data/data/User/settings.json" ] || echo '{"workbench.startupEditor":"none"}' > "$data/data/User/settings.json"
echo
echo "StatCite on the sample corpus: http://127.0.0.1:$port/?folder=$root/sample&payload=$payload"
echo "(Ctrl+C stops code-server)"
echo
EXTENSIONS_GALLERY='{"serviceUrl":""}' exec test/code-server/host/node_modules/.bin/code-server \
  --auth none --bind-addr "127.0.0.1:$port" --disable-telemetry --disable-update-check \
  --disable-workspace-trust --ignore-last-opened \
  --user-data-dir "$data/data" --extensions-dir "$data/ext" "$root/sample"
