# Usage (from a working directory holding audit/NAME-VERSION.json): python3 collect_audit.py; python3 scan.py ../crates.txt > scan.json;
# CRATES=../crates.txt python3 scan2.py; CRATES=../crates.txt python3 scan3.py; python3 sample.py. scan2.py and scan3.py
# reuse the top of scan.py (exec). heldout4's scripts, run unchanged but for the seed, the coverage crates (D) and E.
import json, random, os, re
A = json.load(open('auditkeys.json')); S = json.load(open('scan.json'))
SEED = 20261229
def draw(pool, k):
    pool = sorted(pool)
    return sorted(random.Random(SEED).sample(pool, min(k, len(pool))))
out = []; meta = {}
def add(rule, keys, src, pool):
    meta[f'{rule}:{src}'] = (len(keys), pool)
    for k in keys: out.append((rule, k, src))
for rule, k in [('blocking-in-async', 25), ('lock-across-await', 25), ('query-in-loop', 25), ('unwrap-in-production', 25), ('complex-lifetimes', 25)]:
    a = draw(A[rule], k); add(rule, a, 'audit', len(A[rule]))
drawn = lambda r: {k for (rr, k, s) in out if rr == r}
def scanpool(rule, name, k):
    p = [x for x in S.get(name, {}) if x not in drawn(rule)]
    add(rule, draw(p, k), 'scan:' + name, len(p))
scanpool('blocking-in-async', 'blocking-in-async', 25)
scanpool('blocking-in-async', 'blocking-kvstore', 25)
scanpool('lock-across-await', 'lock-across-await', 30)
scanpool('query-in-loop', 'query-in-loop', 25)
scanpool('query-in-loop', 'query-in-loop-dbarg', 12)
scanpool('unwrap-in-production', 'unwrap-in-production', 25)
p = [x for x in S['unwrap-in-production'] if x not in set(A['unwrap-in-production']) and x not in drawn('unwrap-in-production')]
add('unwrap-in-production', draw(p, 12), 'scan:unwrap-not-reported', len(p))
scanpool('complex-lifetimes', 'complex-lifetimes', 25)
json.dump({'labels': out, 'meta': meta}, open('sample.json', 'w'), indent=0)
for m, v in meta.items(): print(m, v)
print(len(out))
S2 = json.load(open('scan2.json'))
def scanpool2(rule, name, k):
    p = [x for x in S2.get(name, {}) if x not in drawn(rule)]
    add(rule, draw(p, k), 'scan:' + name, len(p))
scanpool2('lock-across-await', 'lock-scrutinee', 15)
scanpool2('blocking-in-async', 'blocking-stdlock', 10)
json.dump({'labels': out, 'meta': meta}, open('sample.json', 'w'), indent=0)
for m, v in meta.items(): print(m, v)
print(len(out))
# D: coverage of the crates the draws reached least (kube-runtime 2, librespot-core 3, lychee-lib 5 labels): 5 more
# sites each from every scanned pool of that crate (scan.json and scan2.json), the same seed.
rulemap = {'blocking-in-async': 'blocking-in-async', 'blocking-stdlock': 'blocking-in-async',
           'lock-across-await': 'lock-across-await', 'lock-scrutinee': 'lock-across-await',
           'query-in-loop': 'query-in-loop', 'query-in-loop-dbarg': 'query-in-loop',
           'unwrap-in-production': 'unwrap-in-production', 'complex-lifetimes': 'complex-lifetimes'}
allpools = list(S.items()) + list(S2.items())
for crate, k in [('kube-runtime-5.0.0', 5), ('librespot-core-0.8.0', 5), ('lychee-lib-0.24.2', 5)]:
    u = sorted({(rulemap[p], key) for p, v in allpools if p in rulemap for key in v if key.startswith(crate + '/')})
    u = [x for x in u if x[1] not in drawn(x[0])]
    pick = sorted(random.Random(SEED).sample(u, min(k, len(u))))
    meta[f'coverage:{crate}'] = (len(pick), len(u))
    for r, key in pick: out.append((r, key, 'scan:coverage'))
json.dump({'labels': out, 'meta': meta}, open('sample.json', 'w'), indent=0)
print(meta); print(len(out))
# E: unwraps whose receiver parses, converts or reads a value (scan3.py), 15 more, because the 77 draws above held
# only 8 unwraps a reviewer wants reported; the same seed, leaving out every unwrap drawn before.
S3 = json.load(open('scan3.json'))
p = [x for x in S3['unwrap-input'] if x not in drawn('unwrap-in-production')]
add('unwrap-in-production', draw(p, 15), 'scan:unwrap-input', len(p))
json.dump({'labels': out, 'meta': meta}, open('sample.json', 'w'), indent=0)
print(meta['unwrap-in-production:scan:unwrap-input']); print(len(out))
