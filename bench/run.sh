#!/usr/bin/env bash
# Times the real `continuity check` end to end, as users run it (./continuity: shaded jar, C1,
# serial GC, class-data-sharing archive), on generated inventories of growing size.
#
#   bench/run.sh [SIZE...]        default sizes: 1000 10000 100000; RUNS=5 runs per size
#   bench/run.sh 1000000          the optional 1M size (a run takes about a minute)
#
# For each size: the median, minimum and maximum wall time of RUNS cold runs (a new JVM each),
# the median peak RSS, and the split that `--timings` reports (load, derive, rules). Also the
# cold check of the bundled ~60-resource sample, and each size as a ratio to its floor: a program
# that only tokenises the same files (bench/.../Floor.java), run in turn with the check. And for each
# size, the Drools stage against its own floor: the same facts in a session of no rules, in turn in
# one warm JVM (bench/.../DroolsFloor.java, which also gives the facts staged at the rules with none
# evaluated, the bound no rule order beats). Then the cold check of the compliant sample against a
# JVM that only prints hello, in turn. Writes bench/results/results.csv, a Markdown table
# (bench/results/results.md, the Drools ratios under it) and a plot (docs/performance.png).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
runs="${RUNS:-5}"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000 100000)
out="$root/bench/results"
mkdir -p "$out"

[ -f bench/target/benchmarks.jar ] || mvn -B -q -DskipTests -Dinvoker.skip -pl bench -am package
./continuity --version >/dev/null   # builds the CLI jar and its CDS archive when needed

# one run: prints "wall_s rss_kb load_ms derive_ms rules_ms"
measure() {
  local log
  log="$(mktemp)"
  /usr/bin/time -f "%e %M" -o "$log.time" ./continuity check "$@" --as-of 2026-11-22 --timings >/dev/null 2>"$log" || true
  local t
  t="$(grep '^timings:' "$log" | sed -E 's/.*load ([0-9]+) ms.*derive ([0-9]+) ms, rules ([0-9]+) ms.*/\1 \2 \3/')"
  echo "$(tail -1 "$log.time") $t"
  rm -f "$log" "$log.time"
}

# median of the numbers on stdin
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# the floor (bench/.../Floor.java): only tokenising the same files; prints "wall_s"
floor() {
  local log
  log="$(mktemp)"
  /usr/bin/time -f "%e" -o "$log.time" java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -XX:-UsePerfData \
    -cp bench/target/benchmarks.jar dev.continuity.bench.Floor "$1" >/dev/null 2>&1 || true
  tail -1 "$log.time"
  rm -f "$log" "$log.time"
}

row() { # label, then the runs' lines on stdin
  local data
  data="$(cat)"
  local wall min max rss load derive rules
  wall="$(cut -d' ' -f1 <<<"$data" | median)"
  min="$(cut -d' ' -f1 <<<"$data" | sort -g | head -1)"
  max="$(cut -d' ' -f1 <<<"$data" | sort -g | tail -1)"
  rss="$(cut -d' ' -f2 <<<"$data" | median)"
  load="$(cut -d' ' -f3 <<<"$data" | median)"
  derive="$(cut -d' ' -f4 <<<"$data" | median)"
  rules="$(cut -d' ' -f5 <<<"$data" | median)"
  local fl
  fl="$(cut -d' ' -f6 <<<"$data" | median)"
  echo "$1,$wall,$min,$max,$((${rss%.*} / 1024)),$load,$derive,$rules,$fl,$(awk -v w="$wall" -v f="$fl" 'BEGIN {printf "%.1f", (f > 0 ? w / f : 0)}')"
}

: > "$out/drools-floor.txt"
echo "resources,wall_median_s,wall_min_s,wall_max_s,peak_rss_mb,load_ms,derive_ms,rules_ms,floor_median_s,x_floor" > "$out/results.csv"
sample_n="$({ ./continuity check samples/northwind/continuity --as-of 2026-11-22 -f json || true; } | grep -o '"resources" : [0-9]*' | grep -o '[0-9]*$')"
# the check and its floor in turn (A B A B ...), so that a drifting machine shows in both
for i in $(seq "$runs"); do echo "$(measure samples/northwind/continuity) $(floor samples/northwind/continuity)"; done | row "$sample_n" >> "$out/results.csv"
for n in "${sizes[@]}"; do
  dir="$root/bench/target/inventories/$n"
  # made again when the template changed since (an inventory made from an older template is not the compliant company)
  if [ ! -f "$dir.stamp" ] || [ -n "$(find samples/northwind-compliant/continuity -newer "$dir.stamp" | head -1)" ]; then
    rm -rf "$dir"
    java -cp bench/target/benchmarks.jar dev.continuity.bench.Generate "$n" "$dir" >/dev/null
    touch "$dir.stamp"
  fi
  # the generated companies are compliant: a finding means the generator and the rules disagree
  ./continuity check "$dir" --as-of 2026-11-22 >/dev/null || { echo "bench: $dir has findings; see ./continuity check $dir --as-of 2026-11-22" >&2; exit 1; }
  for i in $(seq "$runs"); do echo "$(measure "$dir") $(floor "$dir")"; done | row "$(find "$dir" -name '*.yaml' -exec grep -c '^kind:' {} + | awk -F: '{s+=$NF} END {print s}')" >> "$out/results.csv"
  java -Xmx6g -XX:+UseParallelGC -cp bench/target/benchmarks.jar dev.continuity.bench.DroolsFloor "$dir" "$runs" >> "$out/drools-floor.txt"
done

# the cold small check against a JVM that only prints hello (same small-band flags as the launcher's),
# in turn: the compliant sample, as issue 15's target reads; prints "check_s hello_s"
hello_dir="$(mktemp -d)"
(cd "$hello_dir" && jar xf "$root/bench/target/benchmarks.jar" dev/continuity/bench/Hello.class)   # a class directory, as a hello-world is
# wall seconds of a command, to the millisecond (/usr/bin/time rounds to 10 ms, a third of a hello)
wall() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N); awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f", (b - a) / 1e9}'; }
small="$(for i in $(seq $((runs * 3))); do
  echo "$(wall ./continuity check samples/northwind-compliant/continuity --as-of 2026-11-22) $(wall java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -XX:-UsePerfData -cp "$hello_dir" dev.continuity.bench.Hello)"
done)"
rm -rf "$hello_dir"
small_check="$(cut -d' ' -f1 <<<"$small" | median)"
small_hello="$(cut -d' ' -f2 <<<"$small" | median)"
small_ratio="$(awk '{print $1 / ($2 > 0 ? $2 : 0.001)}' <<<"$small" | median)"

{
  echo "| resources | wall median | min | max | peak RSS | load | derive | rules | floor | x floor |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  tail -n +2 "$out/results.csv" | awk -F, '{printf "| %s | %.2f s | %.2f s | %.2f s | %s MB | %s ms | %s ms | %s ms | %.2f s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9, $10}'
  echo
  echo "Drools (insert and fire, warm) against the same facts in a session of no rules:"
  echo
  sed 's/^/- /' "$out/drools-floor.txt"
  echo
  printf 'Cold small check (the compliant sample) against a JVM printing hello, %d runs each in turn: %.3f s against %.3f s (medians); ratio %.1f (median of the pairs)\n' \
    $((runs * 3)) "$small_check" "$small_hello" "$small_ratio"
} > "$out/results.md"
java -Djava.awt.headless=true -cp bench/target/benchmarks.jar dev.continuity.bench.Plot "$out/results.csv" "$root/docs/performance.png"
cat "$out/results.md"
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
