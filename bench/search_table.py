"""Time `lineage search` beside `grep -rF` on the phrases of bench/search_queries.tsv and
measure the recall of each; write out/bench/search.md (called by bench/search.sh).

usage: search_table.py LINEAGE [LINEAGE_BEFORE or ""] RUNS OUT_DIR
"""
import json
import os
import shlex
import statistics
import subprocess
import sys

lineage, before, runs, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
folders = {"en": "../shared/corpus-en", "zh": "data"}
queries = []
with open("bench/search_queries.tsv", encoding="utf-8") as f:
    for line in f:
        if line.startswith("#") or not line.strip():
            continue
        query, corpus, paragraphs, elsewhere = line.rstrip("\n").split("\t")
        queries.append((query, corpus, set(paragraphs.split()), set(elsewhere.split())))

# Each binary gets its own index of each folder, built before anything is timed.
binaries = [("lineage", lineage)] + ([("lineage before", before)] if before else [])
def index_of(name, corpus):
    return os.path.join(out, f"search-{name.replace(' ', '-')}-{corpus}.sqlite")
for name, binary in binaries:
    for corpus, folder in folders.items():
        subprocess.run([binary, "--quiet", "--data", folder, "--index", index_of(name, corpus), "index"],
                       check=True, stdout=subprocess.DEVNULL)

def files_of(binary, name, corpus):
    """(symbol, language) -> file name, from `lineage list`."""
    listed = subprocess.run([binary, "--quiet", "--data", folders[corpus], "--index", index_of(name, corpus),
                             "list", "--format", "json"], check=True, capture_output=True, text=True).stdout
    return {(d["symbol"], d["language"]): os.path.basename(d["path"]) for d in json.loads(listed)}

def lineage_files(binary, name, corpus, query, files):
    """The files of every paragraph holding the phrase (--exact, no limit that binds)."""
    found = subprocess.run([binary, "--quiet", "--data", folders[corpus], "--index", index_of(name, corpus),
                            "search", query, "--exact", "--limit", "100000", "--format", "json"],
                           check=True, capture_output=True, text=True).stdout
    return {files[(h["symbol"], h["language"])] for h in json.loads(found)["hits"]}

def grep_files(corpus, query):
    found = subprocess.run(["grep", "-rlF", "--", query, folders[corpus]], capture_output=True, text=True).stdout
    return {os.path.basename(p) for p in found.split("\n") if p}

def median_ms(commands):
    """hyperfine's median of each command, in ms, measured side by side."""
    report = os.path.join(out, "search-hyperfine.json")
    # -i: grep exits 1 when no line holds the phrase (split across lines everywhere).
    subprocess.run(["hyperfine", "-N", "-i", "--warmup", "2", "--runs", str(runs), "--export-json", report, "--style", "none"]
                   + commands, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(report, encoding="utf-8") as f:
        return [r["median"] * 1000 for r in json.load(f)["results"]]

listed = {(name, corpus): files_of(binary, name, corpus) for name, binary in binaries for corpus in folders}
rows = []
totals = {"grep": [0, 0]} | {name: [0, 0] for name, _ in binaries}
paragraph_total = {name: [0, 0] for name, _ in binaries}
times = {"grep": []} | {name: [] for name, _ in binaries}
for query, corpus, paragraphs, elsewhere in queries:
    expected = paragraphs | elsewhere
    commands = [f"grep -rF -- {shlex.quote(query)} {folders[corpus]}"]
    for name, binary in binaries:
        commands.append(f"{binary} --quiet --data {folders[corpus]} --index {index_of(name, corpus)} search {shlex.quote(query)}")
    medians = median_ms(commands)
    cells = []
    g = grep_files(corpus, query)
    times["grep"].append(medians[0])
    totals["grep"][0] += len(g & expected)
    totals["grep"][1] += len(expected)
    cells.append(f"{medians[0]:.1f} ms, {len(g & expected)}/{len(expected)}")
    for (name, binary), ms in zip(binaries, medians[1:]):
        found = lineage_files(binary, name, corpus, query, listed[(name, corpus)])
        times[name].append(ms)
        totals[name][0] += len(found & expected)
        totals[name][1] += len(expected)
        paragraph_total[name][0] += len(found & paragraphs)
        paragraph_total[name][1] += len(paragraphs)
        cells.append(f"{ms:.1f} ms, {len(found & expected)}/{len(expected)}")
    split = len(expected - g)
    rows.append(f"| {query} | {corpus} | {split} | " + " | ".join(cells) + " |")

names = ["grep -rF"] + [f"`{n} search`" for n, _ in binaries]
with open(os.path.join(out, "search.md"), "w", encoding="utf-8") as f:
    f.write(f"# Search beside grep -rF ({len(queries)} phrases, {runs} runs each, {os.cpu_count()} cores)\n\n")
    f.write("Each cell: the median time of the whole process, then the files found of those that hold\n")
    f.write("the phrase once line breaks are joined (lineage: with --exact and no limit). 'split' counts\n")
    f.write("the files where the phrase is broken across lines, which grep cannot find.\n\n")
    f.write("| query | corpus | split | " + " | ".join(names) + " |\n")
    f.write("|---|---|---|" + "---|" * len(names) + "\n")
    f.write("\n".join(rows) + "\n")
    p50 = {k: statistics.median(v) for k, v in times.items()}
    f.write(f"| **p50, recall** | | | **{p50['grep']:.1f} ms, {totals['grep'][0]}/{totals['grep'][1]}** | "
            + " | ".join(f"**{p50[n]:.1f} ms ({p50[n] / p50['grep']:.2f}× grep), {totals[n][0]}/{totals[n][1]}**" for n, _ in binaries)
            + " |\n\n")
    for name, _ in binaries:
        found, of = paragraph_total[name]
        f.write(f"- {name}: {found} of the {of} files that hold the phrase in a resolution's paragraphs "
                "(the rest hold it only in a footnote or a report, which search does not cover).\n")
