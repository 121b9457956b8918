#!/usr/bin/env bash
# Times two commands as whole processes, in turn (A B A B ...), and gives the ratio A/B pair by pair:
# on a shared machine whose speed drifts, a pair's two runs see about the same machine, so the median
# of the pairs' ratios is steadier than the ratio of two medians. Every A/B figure in
# docs/performance.md was taken this way.
#
#   bench/ab.sh [-n RUNS] 'COMMAND_A' 'COMMAND_B'
#   bench/ab.sh [-n RUNS] 'COMMAND'          one command alone: its figures only
#
# Each command is one string run by sh -c, its output thrown away; one warm-up run of each is not
# counted (it also builds the launcher's archive when a jar is new). Prints, for A and for B, the
# median, minimum and maximum wall seconds, CPU seconds (user + system) and peak RSS (MiB), from
# /usr/bin/time; then the median, minimum and maximum of the pairs' ratios A/B of wall and CPU time.
set -euo pipefail
runs=5
if [ "${1:-}" = -n ]; then runs="$2"; shift 2; fi
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: bench/ab.sh [-n RUNS] 'COMMAND_A' ['COMMAND_B']" >&2
  exit 2
fi
a="$1"
b="${2:-}"
log="$(mktemp)"
trap 'rm -f "$log" "$log".*' EXIT

# one run of a command: appends "wall cpu peak_kb" to the file $2
run() {
  /usr/bin/time -f "%e %U %S %M" -o "$log.t" sh -c "$1" >/dev/null 2>&1 || true
  # (time's last line: before it, a command that fails gets a line saying so)
  tail -1 "$log.t" | awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' >> "$2"
}

sides=(a)
[ -n "$b" ] && sides+=(b)
run "$a" /dev/null
[ -n "$b" ] && run "$b" /dev/null
for _ in $(seq "$runs"); do
  run "$a" "$log.a"
  [ -n "$b" ] && run "$b" "$log.b"
done

# min, median, max of column $1 of file $2, scaled by $3
stats() {
  awk -v c="$1" -v s="$3" '{print $c * s}' "$2" | sort -g |
    awk '{v[NR] = $1} END {m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%10.3f %10.3f %10.3f", v[1], m, v[NR]}'
}

printf '%-14s %10s %10s %10s\n' "" min median max
for side in "${sides[@]}"; do
  label="$(echo "$side" | tr ab AB)"
  printf '%-14s %s\n' "$label wall s" "$(stats 1 "$log.$side" 1)"
  printf '%-14s %s\n' "$label cpu s" "$(stats 2 "$log.$side" 1)"
  printf '%-14s %s\n' "$label peak MiB" "$(stats 3 "$log.$side" 0.0009765625)"
done
if [ -z "$b" ]; then
  echo "$runs runs"
  exit 0
fi
paste -d' ' "$log.a" "$log.b" | awk '{print ($4 > 0 ? $1 / $4 : 0), ($5 > 0 ? $2 / $5 : 0)}' > "$log.r"
printf '%-14s %s\n' "A/B wall" "$(stats 1 "$log.r" 1)"
printf '%-14s %s\n' "A/B cpu" "$(stats 2 "$log.r" 1)"
echo "$runs pairs"
