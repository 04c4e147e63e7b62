#!/usr/bin/env python3
"""The diff a user would script without lineage, for `bench/diff_peers.sh` to time
beside `lineage diff`: Python's standard library only.

It reads both files, cuts each into paragraphs at blank lines, matches the two lists of
paragraphs with difflib.SequenceMatcher, and for each paragraph replaced by another
diffs the pair character by character (SequenceMatcher.get_opcodes), printing a redline
in the `[-struck out-]` / `[+written in+]` notation of `lineage diff --format text`.
SequenceMatcher is used with its defaults, as a script would use it.

    python3 bench/difflib_peer.py OLD_FILE NEW_FILE
"""

import difflib
import re
import sys

BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


def paragraphs(path):
    with open(path, encoding="utf-8-sig") as f:
        text = f.read()
    return [p.strip() for p in BLANK_LINE.split(text) if p.strip()]


def redline(old, new):
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if tag == "equal":
            out.append(new[j1:j2])
            continue
        if tag in ("delete", "replace"):
            out.append("[-" + old[i1:i2] + "-]")
        if tag in ("insert", "replace"):
            out.append("[+" + new[j1:j2] + "+]")
    return "".join(out)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: difflib_peer.py OLD_FILE NEW_FILE")
    old, new = paragraphs(sys.argv[1]), paragraphs(sys.argv[2])
    write = sys.stdout.write
    counts = {"equal": 0, "replace": 0, "delete": 0, "insert": 0}
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new).get_opcodes():
        if tag == "equal":
            counts["equal"] += i2 - i1
            for p in new[j1:j2]:
                write("=  " + p[:60] + "\n")
            continue
        # A replaced block pairs its paragraphs in order; what is left over on either
        # side was struck out or written in.
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(pairs):
            counts["replace"] += 1
            write("~  " + redline(old[i1 + k], new[j1 + k]) + "\n")
        for p in old[i1 + pairs:i2]:
            counts["delete"] += 1
            write("-  [-" + p + "-]\n")
        for p in new[j1 + pairs:j2]:
            counts["insert"] += 1
            write("+  [+" + p + "+]\n")
    write("{equal} unchanged · {replace} modified · {insert} added · {delete} removed\n".format(**counts))


if __name__ == "__main__":
    main()
