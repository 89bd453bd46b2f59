#!/usr/bin/env bash
# Lint benchmark on Thunderbird's Fluent tree (../shared/corpus/thunderbird by default).
#
# 1. In-process medians (cargo bench): the floor (find + read + parse, nothing else), load, lint,
#    and the total, as a multiple of the floor.
# 2. The real command, end to end: `placard lint --format json`, best and median of N runs, and
#    its peak memory (GNU time).
# 3. compare-locales on the same tree, when installed (pip install compare-locales), and the ratio.
#
# Usage: bench/lint.sh [CORPUS] [RUNS]. Run it on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$(cd "${1:-../shared/corpus/thunderbird}" && pwd)
runs=${2:-10}

echo "== in-process (cargo bench -p placard-pipeline --bench lint)"
PLACARD_BENCH_CORPUS="$corpus" cargo bench --quiet -p placard-pipeline --bench lint 2>/dev/null

cargo build --quiet --release
cargo build --quiet --release -p placard-pipeline --example parse_floor
placard=$PWD/target/release/placard
floor_bin=$PWD/target/release/examples/parse_floor
job=$(mktemp -d)
trap 'rm -rf "$job"' EXIT
printf 'locales:\n  dir: %s/locales\n  reference: en-US\n' "$corpus" > "$job/pipeline.yaml"

millis() { date +%s%N | cut -b1-13; }
# time_runs CMD...: prints "best median" in ms over $runs runs.
time_runs() {
    local times=() start sorted
    for _ in $(seq "$runs"); do
        start=$(millis)
        "$@" > /dev/null 2>&1 || true
        times+=($(( $(millis) - start )))
    done
    sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    echo "$(head -1 <<<"$sorted") $(sed -n "$(( (runs + 1) / 2 ))p" <<<"$sorted")"
}
echo "== end to end, as processes ($runs runs, $(nproc) cores)"
read -r floor_best floor_median < <(time_runs "$floor_bin" "$corpus/locales")
echo "floor (find + read + parse, examples/parse_floor): best ${floor_best} ms, median ${floor_median} ms"
cd "$job"
read -r best median < <(time_runs "$placard" lint --format json)
cd - > /dev/null
echo "placard lint --format json: best ${best} ms, median ${median} ms = $(awk "BEGIN { printf \"%.2f\", $median / $floor_median }")x the floor"
if [ -x /usr/bin/time ]; then
    peak=$( (cd "$job" && /usr/bin/time -f '%M' "$placard" lint --format json > /dev/null) 2>&1 | tail -1 || true)
    echo "placard: peak memory $(( peak / 1024 )) MB"
fi

if command -v compare-locales > /dev/null 2>&1; then
    echo "== compare-locales $(compare-locales --version 2>&1 | tail -1) on the same tree"
    start=$(millis)
    (cd "$corpus" && compare-locales --json "$job/cl.json" l10n.toml locales > /dev/null 2>&1) || true
    cl=$(( $(millis) - start ))
    echo "compare-locales: ${cl} ms"
    echo "ratio: compare-locales / placard (median) = $(( cl / (median > 0 ? median : 1) ))x"
else
    echo "== compare-locales not installed (pip install compare-locales) : no ratio"
fi
