#!/usr/bin/env bash
# Render benchmark: Placard's 1080×1080 campaign card and the peer's (satori + resvg-js, in
# ../shared/bench/satori) measured in the same run, then the whole campaign build.
#
# Usage: bench/render.sh [N=30]. Needs Node.js and npm for the peer (skipped without them).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-30}
peer=../shared/bench/satori
echo "== Placard (cargo bench -p placard-build --bench render -- $n)"
cargo bench --quiet -p placard-build --bench render -- "$n" 2>/dev/null
if command -v node > /dev/null 2>&1 && [ -x "$peer/run.sh" ]; then
    echo "== satori 0.63.2 + @resvg/resvg-js 2.6.2 (same card, same fonts; warm ms per image)"
    FONT_DIR="$PWD/assets/fonts" "$peer/run.sh" "$n" en pl ar ur pa
else
    echo "== peer skipped: Node.js or $peer missing"
fi
echo "== the whole campaign (placard build --force, then a no-op rebuild; placard lint with layout checks)"
cargo build --quiet --release
/usr/bin/time -f "lint with layout checks: %e s, peak %M KB" ./target/release/placard lint > /dev/null
/usr/bin/time -f "lint without (--no-layout): %e s" ./target/release/placard lint --no-layout > /dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
/usr/bin/time -f "full build: %e s, peak %M KB" ./target/release/placard build --force --out "$out" 2>&1 | grep -E "built|full build"
/usr/bin/time -f "no-op rebuild: %e s, peak %M KB" ./target/release/placard build --out "$out" 2>&1 | grep -E "built|no-op"
