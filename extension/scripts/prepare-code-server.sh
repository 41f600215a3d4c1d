#!/usr/bin/env bash
# Installs code-server 4.100.3 (the last release that runs on Node 20) from the npm registry into a cache
# folder outside the repository, reusing it when present. Needs the Debian packages build-essential,
# python3, libkrb5-dev and ripgrep (see .ci/e2e). Prints the code-server executable's path.
set -euo pipefail
version=4.100.3
cache="${ALLOY_E2E_CACHE:-${TMPDIR:-/tmp}/alloy-e2e}"
dir="$cache/code-server"
bin="$dir/node_modules/.bin/code-server"
if [[ -x "$bin" ]] && grep -q "\"version\": \"$version\"" "$dir/node_modules/code-server/package.json"; then
  echo "$bin"
  exit 0
fi
# @vscode/ripgrep downloads ripgrep from GitHub unless this cached tarball exists; Debian's rg serves.
rg_cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
rg_tarball="$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [[ ! -f "$rg_tarball" ]]; then
  mkdir -p "$rg_cache"
  tar czf "$rg_tarball" -C "$(dirname "$(command -v rg)")" rg
fi
rm -rf "$dir"
mkdir -p "$dir"
echo '{"private":true}' > "$dir/package.json"
# unsafe_perm: code-server refuses root installs otherwise; nodedir: node-gyp uses the installed
# headers instead of downloading them; yes: node-pty runs `npx node-gyp`.
(cd "$dir" && npm_config_unsafe_perm=true npm_config_nodedir=/usr npm_config_yes=true \
  npm install --no-audit --no-fund --no-save --loglevel=error "code-server@$version" >&2)
echo "$bin"
