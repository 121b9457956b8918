#!/usr/bin/env bash
# One cached re-run, as the figure in docs/performance.md times it: appends a comment to the
# inventory's first file (one file changed), then checks the inventory again with the analysis
# cache. Run it once to fill the cache, then time it against the cold check, e.g.
#
#   bench/ab.sh -n 15 "bench/cached-rerun.sh DIR CACHE" "./continuity check DIR --as-of 2026-11-22"
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$1"
cache="$2"
first="$(find "$dir" -name '*.yaml' | sort | head -1)"
echo "# touched $(date +%s%N)" >> "$first"
exec "$root/continuity" check "$dir" --as-of 2026-11-22 --cache "$cache" >/dev/null 2>&1
