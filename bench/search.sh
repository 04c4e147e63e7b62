#!/bin/sh
# `lineage search` beside `grep -rF` on the phrases of bench/search_queries.tsv, in one
# run: the p50 of each (hyperfine, whole processes, the index fresh) and the recall of
# each against the files the phrase stands in once line breaks are joined. Written as a
# Markdown table to out/bench/search.md.
#
#   bench/search.sh                                   RUNS per query (default 10)
#   LINEAGE_BEFORE=path/to/an/older/lineage bench/search.sh   adds its column, for a before/after
set -eu
cd "$(dirname "$0")/.."
OUT=out/bench
mkdir -p "$OUT"
if ! command -v hyperfine > /dev/null; then
  echo "search bench: hyperfine is missing (make deps installs it)" >&2
  exit 1
fi
if [ ! -d ../shared/corpus-en ]; then
  echo "search bench: ../shared/corpus-en is absent; skipped" >&2
  exit 0
fi
cargo build --release --locked --quiet --bin lineage
python3 bench/search_table.py "$(bench/release_dir.sh)/lineage" "${LINEAGE_BEFORE:-}" "${RUNS:-10}" "$OUT"
echo "wrote $OUT/search.md"
