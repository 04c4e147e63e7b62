#!/bin/sh
# The real English texts at scale: ../shared/corpus-en replicated N times (copy k moves
# the sessions 78/79 to k78/k79, symbols, citations and file names alike, so the copies
# are distinct texts citing each other as the originals do; 150 copies are 97,500
# resolutions, about 2 GB), then each stage as a user runs it, a whole process under
# /usr/bin/time -v (wall time and peak memory): ingest (`lineage list` reading every
# file), `lineage index` from nothing, `lineage graph` from the index, and the p50 of
# `lineage search` on the English phrases of bench/search_queries.tsv (hyperfine).
# Written to out/bench/real-scale-xN.md. Opt-in and slow: `bench/run.sh` runs it only
# when REAL_REPLICAS is set (`make bench REAL_REPLICAS=150`); never part of `make test`.
#
#   bench/real_scale.sh N [STAGES]    STAGES: any of "ingest index graph search" (default all)
#
# LINEAGE_BIN=path runs another build of lineage (an older one, for a before/after
# figure) instead of this tree's, and writes out/bench/real-scale-xN-NAME.md, NAME the
# binary's file name.
set -eu
cd "$(dirname "$0")/.."
N=$1
STAGES=${2:-"ingest index graph search"}
OUT=out/bench
BIN=${LINEAGE_BIN:-$(bench/release_dir.sh)/lineage}
TAG=${LINEAGE_BIN:+-$(basename "${LINEAGE_BIN:-}")}
[ -d ../shared/corpus-en ] || { echo "real_scale: ../shared/corpus-en is absent" >&2; exit 0; }
cargo build --release --locked --quiet --bin lineage
dir=$OUT/corpus-en-x$N
if [ ! -f "$dir/.complete" ]; then
  rm -rf "$dir"
  # The same renaming as bench/run.sh's ×8, in one process (a sed per file is slow at
  # this size).
  python3 - ../shared/corpus-en "$dir" "$N" <<'PY'
import os, re, sys
src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
names = sorted(f for f in os.listdir(src) if f.endswith(".txt"))
texts = {f: open(os.path.join(src, f), "rb").read() for f in names}
session = re.compile(rb"(^|[^0-9])(7[89])/", re.M)
for k in range(n):
    os.makedirs(os.path.join(dst, str(k)))
    for f in names:
        if k == 0:
            name, text = f, texts[f]
        else:
            name = re.sub(r"_(7[89])_", lambda m: f"_{k}{m.group(1)}_", f[: -len(".en.txt")], count=1) + ".en.txt"
            text = session.sub(lambda m: m.group(1) + str(k).encode() + m.group(2) + b"/", texts[f])
        with open(os.path.join(dst, str(k), name), "wb") as out:
            out.write(text)
PY
  touch "$dir/.complete"
fi
files=$(find "$dir" -name '*.txt' | wc -l)
mb=$(du -sm "$dir" | cut -f1)
index=$OUT/real-scale-x$N$TAG.sqlite
TABLE=$OUT/real-scale-x$N$TAG.md
{
  echo "# corpus-en ×$N: $files texts, $mb MB, $BIN ($(date -u +%Y-%m-%d), $(nproc) cores)"
  echo
  echo "| stage | wall | peak memory | detail |"
  echo "|---|---|---|---|"
} > "$TABLE"

# timed LABEL DETAIL COMMAND...: one row from /usr/bin/time -v.
timed() {
  label=$1 detail=$2; shift 2
  /usr/bin/time -v "$@" > /dev/null 2> "$OUT/time.log" || detail="$detail (exit $(grep 'Exit status' "$OUT/time.log" | awk '{print $NF}'))"
  wall=$(grep 'Elapsed (wall clock)' "$OUT/time.log" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$OUT/time.log" | awk '{print $NF}')
  echo "| $label | $wall | $((rss / 1024)) MB | $detail |" >> "$TABLE"
}

for stage in $STAGES; do
  case $stage in
    ingest) timed "ingest: \`lineage list\` reading every file" "$files files" $BIN --quiet --data "$dir" --index "$OUT/none.sqlite" list ;;
    index)
      rm -f "$index" "$index-wal" "$index-shm"
      timed "\`lineage index\` from nothing" "" $BIN --quiet --data "$dir" --index "$index" index
      echo "| index file | | | $(( $(stat -c %s "$index") / 1048576 )) MB, $(echo "scale=2; $(stat -c %s "$index") / $(du -sb "$dir" | cut -f1)" | bc)× the corpus |" >> "$TABLE" ;;
    graph) timed "\`lineage graph\` from the index" "" $BIN --quiet --data "$dir" --index "$index" graph --format json ;;
    search)
      # Each English phrase timed by hyperfine (whole processes), the p50 of their medians.
      python3 - "$BIN" "$dir" "$index" "$OUT" "$files" >> "$TABLE" <<'PY'
import json, shlex, statistics, subprocess, sys
binary, folder, index, out, files = sys.argv[1:]
medians = []
for line in open("bench/search_queries.tsv", encoding="utf-8"):
    cols = line.rstrip("\n").split("\t")
    if line.startswith("#") or len(cols) < 2 or cols[1] != "en":
        continue
    report = f"{out}/real-scale-search.json"
    subprocess.run(["hyperfine", "-N", "--warmup", "1", "--runs", "5", "--style", "none", "--export-json", report,
                    f"{binary} --quiet --data {folder} --index {index} search {shlex.quote(cols[0])}"],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    medians.append(json.load(open(report))["results"][0]["median"] * 1000)
medians.sort()
print(f"| `lineage search`, p50 / max of {len(medians)} phrases | {statistics.median(medians):.0f} ms / {medians[-1]:.0f} ms | "
      f"| whole processes, the freshness check of {files} files included |")
PY
      ;;
  esac
done
rm -f "$OUT/time.log"
cat "$TABLE"
