#!/usr/bin/env python3
"""Time whole processes side by side, in rounds: each round runs every command once, in
an order shuffled afresh for the round, so that neither a drift in the machine's load
nor the command run just before weighs on one command more than on another. Writes
hyperfine's JSON shape (times in seconds), which bench/diff_table.py reads.

    python3 bench/interleaved.py --runs N [--warmup W] --export-json FILE \
        -n NAME "COMMAND ARGS..." [-n NAME "COMMAND ARGS..."]...

A command is split as a shell would split it but run without a shell (as `hyperfine -N`),
its output thrown away; its exit status is kept in the JSON and not taken as a failure
(`git diff` exits 1 when the files differ). hyperfine runs all of one command's runs
before the next command's, so a change in the machine's load between the two falls on
one of them only; and run in a fixed order, a command right after a heavier one was
measured here 15% slower than right after a light one (`lineage --version`: 1.30 ms
after a diff read from the files, 1.13 ms after another `--version`).
"""

import argparse
import json
import os
import random
import shlex
import statistics
import sys
import time


def parse():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, required=True, help="timed rounds")
    parser.add_argument("--warmup", type=int, default=2, help="untimed rounds first")
    parser.add_argument("--export-json", required=True, help="where the JSON goes")
    parser.add_argument("--seed", type=int, default=1, help="of the rounds' orders")
    parser.add_argument("-n", "--name", nargs=2, action="append", metavar=("NAME", "COMMAND"), required=True)
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def run(argv, devnull):
    """Wall time in seconds, user and system seconds, and exit status of one run."""
    start = time.perf_counter()
    try:
        pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=[
            (os.POSIX_SPAWN_DUP2, devnull, 1),
            (os.POSIX_SPAWN_DUP2, devnull, 2),
        ])
    except OSError as e:
        sys.exit(f"interleaved: cannot run {argv[0]}: {e}")
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime, usage.ru_stime, os.waitstatus_to_exitcode(status)


def main():
    args = parse()
    commands = [(name, line, shlex.split(line)) for name, line in args.name]
    devnull = os.open(os.devnull, os.O_WRONLY)
    order = random.Random(args.seed)
    measured = [{"times": [], "user": [], "system": [], "exit_codes": []} for _ in commands]
    for round_number in range(args.warmup + args.runs):
        turn = list(range(len(commands)))
        order.shuffle(turn)
        for k in turn:
            wall, user, system, code = run(commands[k][2], devnull)
            if round_number >= args.warmup:
                m = measured[k]
                m["times"].append(wall)
                m["user"].append(user)
                m["system"].append(system)
                m["exit_codes"].append(code)
    results = []
    for (name, line, _), m in zip(commands, measured):
        times = m["times"]
        results.append({
            "command": name,
            "command_line": line,
            "mean": statistics.fmean(times),
            "stddev": statistics.stdev(times) if len(times) > 1 else 0.0,
            "median": statistics.median(times),
            "user": statistics.fmean(m["user"]),
            "system": statistics.fmean(m["system"]),
            "min": min(times),
            "max": max(times),
            "times": times,
            "exit_codes": m["exit_codes"],
        })
    with open(args.export_json, "w", encoding="utf-8") as f:
        json.dump({"results": results, "method": "interleaved rounds, each in a shuffled order"}, f, indent=1)


if __name__ == "__main__":
    main()
