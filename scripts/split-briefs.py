#!/usr/bin/env python3
"""Gives every brief of the corpus a split (train, dev or test) by one seeded shuffle, and writes sources.txt.

Run once when briefs are added: a brief that already has a split keeps it (the test split is never re-drawn,
and a brief is never moved out of it because it fails). New briefs are shuffled with the fixed seed and dealt
60/20/20. The split line is inserted under each brief's id, so the authors' formatting stays as written.
"""
import pathlib
import random
import re
import sys

SEED = 20261207
ROOT = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/knowledge/briefs"
ID = re.compile(r"^(\s*)- id: *['\"]?([\w-]+)['\"]?\s*$")
SPLIT = re.compile(r"^\s*split:\s*(train|dev|test)\s*$")


def main() -> int:
    files = sorted(p for p in ROOT.glob("*.yaml"))
    missing = []
    for f in files:
        lines = f.read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            m = ID.match(line)
            if m and not any(SPLIT.match(l) for l in lines[i + 1:i + 3]):
                missing.append(m.group(2))
    order = sorted(missing)
    random.Random(SEED).shuffle(order)
    n = len(order)
    split = {}
    for k, brief in enumerate(order):
        split[brief] = "train" if k < n * 0.6 else "dev" if k < n * 0.8 else "test"
    for f in files:
        out = []
        for line in f.read_text(encoding="utf-8").splitlines():
            out.append(line)
            m = ID.match(line)
            if m and m.group(2) in split:
                out.append(f"{m.group(1)}  split: {split[m.group(2)]}")
        f.write_text("\n".join(out) + "\n", encoding="utf-8")
    (ROOT / "sources.txt").write_text(
        "# The corpus files, one source each (written by scripts/split-briefs.py).\n"
        + "".join(f.name + "\n" for f in files), encoding="utf-8")
    print(f"{len(missing)} briefs given a split; {len(files)} files listed in sources.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
