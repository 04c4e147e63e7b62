#!/bin/sh
# `lineage diff` beside what a user would otherwise script, on the same pairs in one run,
# written as a Markdown table to out/bench/diff.md (the times as JSON beside it):
#   - Python's difflib (bench/difflib_peer.py): paragraphs matched, then a character
#     redline of each replaced pair;
#   - git diff --no-index --word-diff=plain --word-diff-regex=. (the bare character
#     redline) and, for English, --word-diff=plain (words);
#   - lineage diff A B --format text --color never, the whole process, on a --data folder
#     holding just the two files, read from the files and then from an index of them
#     (what a user runs once the corpus is indexed), and the same diff inside one process
#     (examples/diff_in_process.rs), to show the cost of the process apart.
# Pairs: 47/23 → 53/29 in Chinese (data/), the same pair in a folder of 655 texts (the
# seeds and ../shared/corpus-en: what `diff` pays to find two documents among many), a
# real 78th → 79th session pair in English from ../shared/corpus-en (both skipped when
# that folder is absent), and two generated 2,000-paragraph pairs, English and Chinese
# (examples/synth_pair.rs).
#
# The commands of a pair are timed in rounds, each in a shuffled order
# (bench/interleaved.py, hyperfine's JSON beside the table), and lineage's binaries are
# copied afresh first: on this shared machine a copy made hours before started 0.27 ms
# slower than a fresh copy of the same file, which favoured whichever build was newer.
#
#   RUNS=60 LARGE_RUNS=10 bench/diff_peers.sh     rounds for the real and the large pairs
#   LINEAGE_BEFORE=path/to/an/older/lineage bench/diff_peers.sh   adds its row, for a before/after
set -eu
cd "$(dirname "$0")/.."
OUT=out/bench
PAIRS=$OUT/pairs
RUNS=${RUNS:-60}
LARGE_RUNS=${LARGE_RUNS:-10}
mkdir -p "$PAIRS"
# The command as `make build` makes it, copied before the examples are built: building
# them with it would turn on the features their dev-dependencies ask of shared crates,
# and time a binary users do not run.
cargo build --release --locked --quiet --bin lineage
BIN=$(bench/release_dir.sh)
# Fresh copies of the builds timed, removed at the end.
STAGE=$(mktemp -d "${TMPDIR:-/tmp}/lineage-bench.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
cp "$BIN/lineage" "$STAGE/lineage"
LINEAGE=$STAGE/lineage
cargo build --release --locked --quiet --example diff_in_process --example synth_pair
if [ -n "${LINEAGE_BEFORE:-}" ]; then
  cp "$LINEAGE_BEFORE" "$STAGE/lineage-before"
  LINEAGE_BEFORE=$STAGE/lineage-before
fi

# Each pair is a folder holding the two files and nothing else, so that lineage reads
# only them: pair NAME OLD_FILE NEW_FILE
pair() {
  rm -rf "${PAIRS:?}/$1"
  mkdir -p "$PAIRS/$1"
  cp "$2" "$PAIRS/$1/"
  cp "$3" "$PAIRS/$1/"
}

# The file of the corpus in data/ that holds a symbol (symbols come from the text, not
# the file name).
source_of() {
  "$LINEAGE" --data data --index "$PAIRS/none.sqlite" --quiet show "$1" --format json |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["source"]["path"])'
}

LIST=$PAIRS/pairs.tsv
: > "$LIST"
old=$(source_of 47/23)
new=$(source_of 53/29)
pair zh-47_23-53_29 "$old" "$new"
printf 'zh-47_23-53_29\t%s\t%s\t47/23\t53/29\tzh\t%s\tHRC 47/23 → 53/29 (zh, data/)\n' "$old" "$new" "$RUNS" >> "$LIST"

EN=../shared/corpus-en
if [ -d "$EN" ]; then
  # A folder of real size: the two texts among 653 others, copied (not linked: a link
  # costs the walk one more look-up per file, which a user's folder does not).
  name=zh-47_23-53_29-in-655
  rm -rf "${PAIRS:?}/$name"
  mkdir -p "$PAIRS/$name"
  cp data/*.txt "$EN"/*.txt "$PAIRS/$name/"
  printf '%s\t%s\t%s\t47/23\t53/29\tzh\t%s\tHRC 47/23 → 53/29 (zh) in a folder of %s texts (data/ + corpus-en)\n' \
    "$name" "$old" "$new" "$RUNS" "$(ls "$PAIRS/$name" | wc -l | tr -d ' ')" >> "$LIST"
else
  echo "diff_peers: $EN is absent: the 655-text folder is skipped" >&2
fi
if [ -f "$EN/A_RES_78_191.en.txt" ] && [ -f "$EN/A_RES_79_162.en.txt" ]; then
  # "Use of mercenaries as a means of violating human rights and impeding the exercise
  # of the right of peoples to self-determination": 26 KB for the two, the median of the
  # 163 pairs of one title across the two sessions.
  pair en-78_191-79_162 "$EN/A_RES_78_191.en.txt" "$EN/A_RES_79_162.en.txt"
  printf 'en-78_191-79_162\t%s\t%s\t78/191\t79/162\ten\t%s\t78/191 → 79/162 (en, GA, use of mercenaries)\n' \
    "$EN/A_RES_78_191.en.txt" "$EN/A_RES_79_162.en.txt" "$RUNS" >> "$LIST"
else
  echo "diff_peers: $EN is absent: the English pair is skipped" >&2
fi

for lang in en zh; do
  name=synthetic-$lang-2000
  "$BIN/examples/synth_pair" "$PAIRS/$name" "$lang" 2000 42 > /dev/null
  printf '%s\t%s\t%s\t90/1\t91/1\t%s\t%s\tsynthetic, 2,000 paragraphs (%s)\n' \
    "$name" "$PAIRS/$name/old.txt" "$PAIRS/$name/new.txt" "$lang" "$LARGE_RUNS" "$lang" >> "$LIST"
done

# Timed as a user's folders are, unchanged for a while: a command keeps a folder's
# listing only once the folder is two seconds old (see corpus::listing).
sleep 2

# Each build keeps its caches (the header cache, the folder's listing) under an output
# folder of its own: with one shared, the two builds' runs, taken in turn, would each find
# the other's cache, which they do not trust, and read every file again.
NOW_OUT=$PAIRS/out-now
BEFORE_OUT=$PAIRS/out-before
while IFS="$(printf '\t')" read -r name old new a b lang runs label; do
  echo "== $label" >&2
  dir=$PAIRS/$name
  # As a user runs it once the corpus is indexed (`make run` indexes data/): the two
  # texts come from the index, already read, and no pattern of the reader is compiled.
  index=$PAIRS/$name.sqlite
  rm -f "$index"
  "$LINEAGE" --data "$dir" --out "$NOW_OUT" --index "$index" --quiet index > /dev/null
  # Read from the files, no index: the header cache `show` and `diff` keep under
  # out/index/ lets them parse only the two texts; the warm-up runs bring it up to date.
  none=$PAIRS/none.sqlite
  set -- \
    -n lineage "$LINEAGE --data $dir --out $NOW_OUT --index $none --quiet diff $a $b --format text --color never" \
    -n "lineage (indexed)" "$LINEAGE --data $dir --out $NOW_OUT --index $index --quiet diff $a $b --format text --color never"
  if [ -n "${LINEAGE_BEFORE:-}" ]; then
    before_index=$PAIRS/$name-before.sqlite
    rm -f "$before_index"
    "$LINEAGE_BEFORE" --data "$dir" --out "$BEFORE_OUT" --index "$before_index" --quiet index > /dev/null
    set -- "$@" -n "lineage (before)" \
      "$LINEAGE_BEFORE --data $dir --out $BEFORE_OUT --index $none --quiet diff $a $b --format text --color never" \
      -n "lineage (before, indexed)" \
      "$LINEAGE_BEFORE --data $dir --out $BEFORE_OUT --index $before_index --quiet diff $a $b --format text --color never"
  fi
  set -- "$@" \
    -n difflib "python3 bench/difflib_peer.py $old $new" \
    -n "git char" "git diff --no-index --word-diff=plain --word-diff-regex=. $old $new"
  if [ "$lang" = en ]; then
    set -- "$@" -n "git word" "git diff --no-index --word-diff=plain $old $new"
  fi
  python3 bench/interleaved.py --warmup 2 --runs "$runs" --export-json "$OUT/diff-$name.json" "$@"
  "$BIN/examples/diff_in_process" "$old" "$new" "$runs" > "$OUT/diff-$name.inprocess"
  # Each index with the lock file beside it (and the -wal/-shm an older build leaves).
  for f in "$index" "$PAIRS/$name-before.sqlite"; do rm -f "$f" "$f.lock" "$f-wal" "$f-shm"; done
done < "$LIST"

python3 bench/diff_table.py "$LIST" "$OUT" > "$OUT/diff.md"
rm -rf "$PAIRS/none.sqlite" "$PAIRS/none.sqlite.lock" "$NOW_OUT" "$BEFORE_OUT"
cat "$OUT/diff.md"
