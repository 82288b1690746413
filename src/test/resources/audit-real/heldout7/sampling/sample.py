# heldout7's draws. Usage (from a working directory holding audit/NAME-VERSION.json and these scripts):
# python3 collect_audit.py; python3 scan.py ../crates.txt > scan.json; for s in scan2 scan3 scan4 scan5; do
# CRATES=../crates.txt python3 $s.py; done; CRATES=../crates.txt python3 scan6.py; python3 sample.py. scan.py .. scan5.py and collect_audit.py are heldout6's,
# unchanged; only the seed, the draw sizes (this round aims at >= 80 blocking-in-async, >= 60 query-in-loop,
# >= 40 complex-lifetimes labels, about half from the scan, plus 30 unwrap-in-production and up to 20
# lock-across-await) and the single pass over all pools are new.
import json, random
A = json.load(open('auditkeys.json')); S = json.load(open('scan.json'))
S2 = json.load(open('scan2.json')); S3 = json.load(open('scan3.json'))
S4 = json.load(open('scan4.json')); S5 = json.load(open('scan5.json')); S6 = json.load(open('scan6.json'))
SEED = 20261209
def draw(pool, k):
    pool = sorted(pool)
    return sorted(random.Random(SEED).sample(pool, min(k, len(pool))))
out = []; meta = {}
def add(rule, keys, src, pool):
    meta[f'{rule}:{src}'] = (len(keys), pool)
    for k in keys: out.append((rule, k, src))
drawn = lambda r: {k for (rr, k, s) in out if rr == r}
# A: the audit's findings
for rule, k in [('blocking-in-async', 50), ('lock-across-await', 10), ('query-in-loop', 30),
                ('unwrap-in-production', 15), ('complex-lifetimes', 20)]:
    add(rule, draw(A[rule], k), 'audit', len(A[rule]))
# B..G: the reviewer's scan, whatever the audit says, leaving out what was drawn before for the same rule
def scanpool(rule, name, k, pools=S, src=None, extra=lambda x: True):
    p = [x for x in pools.get(name, {}) if x not in drawn(rule) and extra(x)]
    add(rule, draw(p, k), 'scan:' + (src or name), len(p))
scanpool('blocking-in-async', 'blocking-in-async', 100)
scanpool('blocking-in-async', 'blocking-stdlock', 100, S2)
scanpool('blocking-in-async', 'blocking-wide', 100, S5)
# H (scan6.py): std blocking calls anywhere in non-test code, async context or not
scanpool('blocking-in-async', 'blocking-any', 45, S6)
locks = {**S.get('lock-across-await', {}), **S2.get('lock-scrutinee', {})}
scanpool('lock-across-await', 'locks', 10, {'locks': locks})
scanpool('query-in-loop', 'query-in-loop', 100)
scanpool('query-in-loop', 'query-in-loop-dbarg', 100)
scanpool('query-in-loop', 'query-in-loop-client', 100, S4)
scanpool('unwrap-in-production', 'unwrap-in-production', 8)
audited = set(A['unwrap-in-production'])
scanpool('unwrap-in-production', 'unwrap-in-production', 4, src='unwrap-not-reported', extra=lambda x: x not in audited)
scanpool('unwrap-in-production', 'unwrap-input', 4, S3)
scanpool('complex-lifetimes', 'complex-lifetimes', 20)
json.dump({'labels': out, 'meta': meta}, open('sample.json', 'w'), indent=0)
for m, v in meta.items(): print(m, v)
print(len(out))
