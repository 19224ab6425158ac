#!/usr/bin/env bash
# Installs what the end-to-end test needs and the repository does not ship: Debian's Chromium (driven
# by playwright-core) and code-server, VS Code served to a browser, into a cache folder outside the
# repository's node_modules. Idempotent: a second run only checks. Run as root (CI is).
#
# The cache folder is $FLITMAP_E2E_CACHE, by default $HOME/.cache/flitmap-e2e; e2e/run.ts reads the same.
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"
CACHE="${FLITMAP_E2E_CACHE:-$HOME/.cache/flitmap-e2e}"
CODE_SERVER_BIN="$CACHE/node_modules/.bin/code-server"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
# argon2 and kerberos (code-server's native modules) build from source.
command -v make >/dev/null 2>&1 || need_apt+=(make)
command -v g++ >/dev/null 2>&1 || need_apt+=(g++)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
if [ "${#need_apt[@]}" -gt 0 ]; then
  echo "e2e-setup: installing ${need_apt[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" fonts-dejavu-core >/dev/null
fi

installed_version=""
if [ -x "$CODE_SERVER_BIN" ]; then
  installed_version="$(node -p "require('$CACHE/node_modules/code-server/package.json').version" 2>/dev/null || true)"
fi
if [ "$installed_version" != "$CODE_SERVER_VERSION" ]; then
  echo "e2e-setup: installing code-server $CODE_SERVER_VERSION into $CACHE"
  mkdir -p "$CACHE"
  [ -f "$CACHE/package.json" ] || echo '{ "name": "flitmap-e2e-cache", "private": true }' >"$CACHE/package.json"
  # @vscode/ripgrep's postinstall downloads rg unless its cache already holds the archive: give it Debian's rg.
  tmp="${TMPDIR:-/tmp}"
  ripgrep_cache="$tmp/vscode-ripgrep-cache-1.15.11"
  mkdir -p "$ripgrep_cache"
  tar czf "$ripgrep_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
  # As root, code-server's postinstall needs unsafe-perm; node-pty's postinstall runs npx node-gyp.
  (cd "$CACHE" && npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund --foreground-scripts \
    "code-server@$CODE_SERVER_VERSION" >"$CACHE/install.log" 2>&1) || {
    echo "e2e-setup: code-server failed to install; the last lines of $CACHE/install.log:" >&2
    tail -30 "$CACHE/install.log" >&2
    exit 1
  }
fi

"$CODE_SERVER_BIN" --version | head -1
chromium --version
echo "e2e-setup: ready (code-server in $CACHE)"
