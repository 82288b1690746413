# heldout6's draws. Usage (from a working directory holding audit/NAME-VERSION.json): python3 collect_audit.py;
# python3 scan.py ../crates.txt > scan.json; CRATES=../crates.txt python3 scan2.py; CRATES=../crates.txt python3 scan3.py;
# CRATES=../crates.txt python3 scan4.py; CRATES=../crates.txt python3 scan5.py; python3 sample.py. scan.py, scan2.py, scan3.py are heldout5's (heldout4's block scanner), unchanged; only the seed,
# the draw sizes (this round aims at >= 80 labels each for unwrap-in-production and blocking-in-async, >= 40 for
# query-in-loop, up to 20 scanned for lock-across-await and complex-lifetimes) and the pools' order are new.
import json, random
A = json.load(open('auditkeys.json')); S = json.load(open('scan.json'))
S2 = json.load(open('scan2.json')); S3 = json.load(open('scan3.json'))
SEED = 20261208
def draw(pool, k):
    pool = sorted(pool)
    return sorted(random.Random(SEED).sample(pool, min(k, len(pool))))
out = []; meta = {}
def add(rule, keys, src, pool):
    meta[f'{rule}:{src}'] = (len(keys), pool)
    for k in keys: out.append((rule, k, src))
drawn = lambda r: {k for (rr, k, s) in out if rr == r}
# A: the audit's findings
for rule, k in [('blocking-in-async', 100), ('lock-across-await', 100), ('query-in-loop', 100),
                ('unwrap-in-production', 40), ('complex-lifetimes', 10)]:
    add(rule, draw(A[rule], k), 'audit', len(A[rule]))
# B: the reviewer's scan, whatever the audit says, leaving out what A drew for the same rule
def scanpool(rule, name, k, pools=S, src=None, extra=lambda x: True):
    p = [x for x in pools.get(name, {}) if x not in drawn(rule) and extra(x)]
    add(rule, draw(p, k), 'scan:' + (src or name), len(p))
scanpool('blocking-in-async', 'blocking-in-async', 100)
scanpool('blocking-in-async', 'blocking-stdlock', 100, S2)
locks = {**S.get('lock-across-await', {}), **S2.get('lock-scrutinee', {})}
scanpool('lock-across-await', 'locks', 13, {'locks': locks})
scanpool('query-in-loop', 'query-in-loop', 100)
scanpool('query-in-loop', 'query-in-loop-dbarg', 100)
scanpool('unwrap-in-production', 'unwrap-in-production', 25)
audited = set(A['unwrap-in-production'])
scanpool('unwrap-in-production', 'unwrap-in-production', 10, src='unwrap-not-reported', extra=lambda x: x not in audited)
scanpool('unwrap-in-production', 'unwrap-input', 10, S3)
scanpool('complex-lifetimes', 'complex-lifetimes', 10)
json.dump({'labels': out, 'meta': meta}, open('sample.json', 'w'), indent=0)
for m, v in meta.items(): print(m, v)
print(len(out))
# F: (source: scan) awaited calls on a receiver named as a database or server client inside a loop (scan4.py), 10
# more, because the pools above held few calls of the drivers' own methods in loops; drawn after everything else.
S4 = json.load(open('scan4.json'))
scanpool('query-in-loop', 'query-in-loop-client', 10, S4)
json.dump({'labels': out, 'meta': meta}, open('sample.json', 'w'), indent=0)
print(meta['query-in-loop:scan:query-in-loop-client']); print(len(out))
# G: (source: scan) wider blocking candidates in async code (scan5.py: the crate's own blocking helpers called from
# async code, std I/O methods, std::net, stdin, block_on), all that A and B had not drawn, because B held only two
# blocking calls a reviewer wants reported; drawn last.
S5 = json.load(open('scan5.json'))
scanpool('blocking-in-async', 'blocking-wide', 20, S5)
json.dump({'labels': out, 'meta': meta}, open('sample.json', 'w'), indent=0)
print(meta['blocking-in-async:scan:blocking-wide']); print(len(out))
