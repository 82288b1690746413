"""Unique crate-version/file:line keys per rule from the audit's JSON output (one file per crate in audit/)."""
import json, collections, glob
rules = ['blocking-in-async', 'lock-across-await', 'query-in-loop', 'unwrap-in-production', 'complex-lifetimes']
keys = collections.defaultdict(set)
for f in sorted(glob.glob('audit/*.json')):
    cv = f[len('audit/'):-len('.json')]
    for x in json.load(open(f))['findings']:
        if x['rule'] in rules:
            keys[x['rule']].add(f"{cv}/{x['file']}:{x['line']}")
json.dump({r: sorted(keys[r]) for r in rules}, open('auditkeys.json', 'w'), indent=0)
for r in rules: print(r, len(keys[r]))
