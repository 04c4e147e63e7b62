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
BIN=$(bench/release_dir.sh)
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

# The whole job as a user runs it: `lineage index` reads, parses and stores every text
# (from nothing), then `lineage graph` reads the corpus back from that index and builds
# the graph and series. Two whole processes, wall time and peak memory of each.
pipeline() {
  label=$1 dir=$2
  index=$OUT/pipeline.sqlite
  rm -f "$index" "$index-wal" "$index-shm"
  /usr/bin/time -v $BIN/lineage --quiet --data "$dir" --index "$index" index > /dev/null 2> "$OUT/time.log" || true
  index_s=$(grep 'Elapsed (wall clock)' "$OUT/time.log" | awk '{print $NF}')
  index_mb=$(( $(grep 'Maximum resident set size' "$OUT/time.log" | awk '{print $NF}') / 1024 ))
  /usr/bin/time -v $BIN/lineage --quiet --data "$dir" --index "$index" graph --format json > /dev/null 2> "$OUT/time.log" || true
  graph_s=$(grep 'Elapsed (wall clock)' "$OUT/time.log" | awk '{print $NF}')
  graph_mb=$(( $(grep 'Maximum resident set size' "$OUT/time.log" | awk '{print $NF}') / 1024 ))
  echo "| $label | parsed, indexed and graphed: \`lineage index\` from nothing, then \`lineage graph\` from the index | $index_s + $graph_s | peak memory $index_mb MB, then $graph_mb MB |" >> "$TABLE"
  rm -f "$index" "$index-wal" "$index-shm"
}

if [ -d ../shared/corpus-en ]; then
  cat_time ../shared/corpus-en corpus-en
  $BIN/examples/bench_stages ../shared/corpus-en corpus-en 200 >> "$TABLE"
  peak corpus-en $BIN/lineage --quiet --data ../shared/corpus-en --index "$OUT/none.sqlite" graph --format json
  pipeline corpus-en ../shared/corpus-en

  # The real texts replicated, to check the synthetic figures against real text at
  # scale: copy k moves every session number 78/79 to k78/k79 (symbols, citations and
  # all), so the copies are distinct documents that cite each other as the originals do.
  replicas=${REPLICAS:-8}
  dir=$OUT/corpus-en-x$replicas
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"
    mkdir -p "$dir/0"
    cp ../shared/corpus-en/*.txt "$dir/0/"
    k=1
    while [ "$k" -lt "$replicas" ]; do
      mkdir -p "$dir/$k"
      for f in ../shared/corpus-en/*.txt; do
        sed -E "s#(^|[^0-9])(7[89])/#\1$k\2/#g" "$f" > "$dir/$k/$(basename "$f" .en.txt | sed -E "s/_(7[89])_/_$k\1_/").en.txt"
      done
      k=$((k + 1))
    done
    touch "$dir/.complete"
  fi
  cat_time "$dir" "corpus-en ×$replicas"
  $BIN/examples/bench_stages "$dir" "corpus-en ×$replicas" 200 >> "$TABLE"
  pipeline "corpus-en ×$replicas" "$dir"
fi

# Opt-in, slow: the real texts replicated to about 2 GB (REAL_REPLICAS=150, 97,500
# texts), every stage as a whole process with its peak memory (out/bench/real-scale-xN.md).
if [ -n "${REAL_REPLICAS:-}" ]; then
  bench/real_scale.sh "$REAL_REPLICAS"
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
  pipeline "synthetic $n" "$dir"
done
rm -f "$OUT/time.log"
cat "$TABLE"
