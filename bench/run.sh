#!/bin/sh
# Benchmarks of lineage, written as a Markdown table to out/bench/stages.md.
# Everything is measured side by side in one run on this machine, so compare ratios,
# not absolute times: the machines are shared and noisy.
#
#   bench/run.sh [SIZES]     SIZES of synthetic corpora, default "10000 100000"
set -eu
cd "$(dirname "$0")/.."
SIZES=${1:-"10000 100000"}
OUT=out/bench
mkdir -p "$OUT"
cargo build --release --locked --quiet --examples --bin lineage
BIN=target/release
TABLE=$OUT/stages.md
{
  echo "# lineage stage benchmarks ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  echo "| corpus | stage | time | detail |"
  echo "|---|---|---|---|"
} > "$TABLE"

# The physical limit: cat of the same bytes, from the page cache.
cat_time() {
  start=$(date +%s.%N)
  find "$1" -type f \( -name '*.txt' -o -name '*.md' \) -exec cat {} + > /dev/null
  end=$(date +%s.%N)
  echo "| $2 | cat of the same files | $(echo "$end - $start" | bc) s | the raw read limit |" >> "$TABLE"
}

# Peak memory of a whole command, from /usr/bin/time -v.
peak() {
  label=$1; shift
  /usr/bin/time -v "$@" > /dev/null 2> "$OUT/time.log" || true
  rss=$(grep 'Maximum resident set size' "$OUT/time.log" | awk '{print $NF}')
  wall=$(grep 'Elapsed (wall clock)' "$OUT/time.log" | awk '{print $NF}')
  echo "| $label | \`$(echo "$*" | sed "s|$BIN/||")\` (whole process) | $wall | peak memory $((rss / 1024)) MB |" >> "$TABLE"
}

if [ -d ../shared/corpus-en ]; then
  cat_time ../shared/corpus-en corpus-en
  $BIN/examples/bench_stages ../shared/corpus-en corpus-en 200 >> "$TABLE"
  peak corpus-en $BIN/lineage --quiet --data ../shared/corpus-en --index "$OUT/none.sqlite" graph --format json
fi

for n in $SIZES; do
  dir=$OUT/synthetic-$n
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    $BIN/examples/synth_corpus "$dir" "$n" 42 > /dev/null
    touch "$dir/.complete"
  fi
  cat_time "$dir" "synthetic $n"
  $BIN/examples/bench_stages "$dir" "synthetic $n" 200 --mutable >> "$TABLE"
  peak "synthetic $n" $BIN/lineage --quiet --data "$dir" --index "$OUT/none.sqlite" graph --format json
done
rm -f "$OUT/time.log"
cat "$TABLE"
