#!/usr/bin/env bash
# One cached re-run, as the figures in docs/performance.md time it: changes the inventory's first
# file, then checks the inventory again with the analysis cache. Run it once to fill the cache,
# then time it against the cold check, e.g.
#
#   bench/ab.sh -n 15 "bench/cached-rerun.sh DIR CACHE" "./continuity check DIR --as-of 2026-11-22"
#
# The change (third argument):
#   value    (the default) the file's first rto: set to PT2H, or back to PT1H when it is PT2H:
#            one service changed, so its component is evaluated again
#   comment  a comment appended: the file's bytes change, none of its resources do, so every
#            component's findings come from the cache (the figure of sessions before the twelfth)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$1"
cache="$2"
change="${3:-value}"
first="$(find "$dir" -name '*.yaml' | sort | head -1)"
case "$change" in
  comment) echo "# touched $(date +%s%N)" >> "$first" ;;
  value)
    # the first rto: line only (perl: the same on GNU and BSD)
    perl -0pi -e 's/^rto: (\S+)$/"rto: " . ($1 eq "PT2H" ? "PT1H" : "PT2H")/me' "$first"
    grep -q '^rto: PT[12]H$' "$first" || { echo "cached-rerun.sh: no rto: line in $first" >&2; exit 2; } ;;
  *) echo "cached-rerun.sh: the change is value or comment, not $change" >&2; exit 2 ;;
esac
exec "$root/continuity" check "$dir" --as-of 2026-11-22 --cache "$cache" >/dev/null 2>&1
