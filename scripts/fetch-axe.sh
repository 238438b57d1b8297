#!/usr/bin/env bash
# Fetch axe-core (the accessibility engine the browser tests inject) from the npm registry once,
# into <repo>/.cache/axe/axe-core-<version>.min.js. Prints the file's path on stdout.
# Usage: scripts/fetch-axe.sh [version]   (default: the pinned version below)
set -euo pipefail

VERSION="${1:-${AXE_VERSION:-4.10.3}}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST_DIR="$ROOT/.cache/axe"
DEST="$DEST_DIR/axe-core-$VERSION.min.js"

if [ -s "$DEST" ]; then
  echo "$DEST"
  exit 0
fi

command -v npm >/dev/null || { echo "npm is needed to fetch axe-core $VERSION" >&2; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# npm pack checks the tarball against the registry's integrity hash.
(cd "$WORK" && npm pack --silent "axe-core@$VERSION" >/dev/null 2>"$WORK/npm.log") || {
  cat "$WORK/npm.log" >&2
  echo "npm pack axe-core@$VERSION failed" >&2
  exit 1
}
TARBALL="$WORK/axe-core-$VERSION.tgz"
[ -f "$TARBALL" ] || { echo "npm pack did not produce $TARBALL" >&2; exit 1; }

tar -xzf "$TARBALL" -C "$WORK" package/axe.min.js
mkdir -p "$DEST_DIR"
# Write next to the target, then rename: a concurrent run never sees a half-written file.
cp "$WORK/package/axe.min.js" "$DEST.tmp.$$"
mv -f "$DEST.tmp.$$" "$DEST"
echo "$DEST"
