#!/usr/bin/env python3
"""Summarises a JFR recording's method samples, for bench/audit-real.sh --profile.

Usage: jfr print --json --events jdk.ExecutionSample,jdk.NativeMethodSample REC.jfr | bench/jfr-summary.py [N]
Java samples (jdk.ExecutionSample: threads running Java code) and native samples (jdk.NativeMethodSample: threads
inside a native method, here tree-sitter's JNI calls) are counted apart: per top frame, and per the innermost frame
of the project's own code (dev.rustengineer.*), which says which of our lines led there.
"""
import collections
import json
import sys

top_n = int(sys.argv[1]) if len(sys.argv) > 1 else 15
events = json.load(sys.stdin)["recording"]["events"]
for kind in ("jdk.ExecutionSample", "jdk.NativeMethodSample"):
    evs = [e for e in events if e["type"] == kind]
    top = collections.Counter()
    ours = collections.Counter()
    for e in evs:
        frames = (e["values"].get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        name = lambda f: f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"]
        top[name(frames[0])] += 1
        own = next((f for f in frames if f["method"]["type"]["name"].replace("/", ".").startswith("dev.rustengineer")), None)
        ours[(name(own) + ":" + str(own.get("lineNumber", "?"))) if own else "(no project frame)"] += 1
    total = sum(top.values())
    print(f"== {kind}: {total} samples")
    print("  top frame:")
    for k, v in top.most_common(top_n):
        print(f"  {100.0 * v / max(1, total):5.1f}%  {v:6d}  {k}")
    print("  innermost project frame:")
    for k, v in ours.most_common(top_n):
        print(f"  {100.0 * v / max(1, total):5.1f}%  {v:6d}  {k}")
