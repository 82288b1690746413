# Usage (from a working directory holding audit/NAME-VERSION.json): python3 collect_audit.py; python3 scan.py ../crates.txt > scan.json;
# CRATES=../crates.txt python3 scan2.py; python3 sample.py. scan2.py reuses the top of scan.py (exec).
import json, random, os, re
A = json.load(open('auditkeys.json')); S = json.load(open('scan.json'))
SEED = 20261228
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
# D: coverage of the crates the draws reached least (none: rmqtt, nostr-relay-pool; one or three: grammers-client, twitch-irc)
rulemap = {'query-in-loop': 'query-in-loop', 'query-in-loop-dbarg': 'query-in-loop', 'unwrap-in-production': 'unwrap-in-production'}
for crate, k in [('rmqtt-0.24.0', 99), ('nostr-relay-pool-0.44.3', 99), ('grammers-client-0.11.0', 3), ('twitch-irc-6.1.3', 3)]:
    u = sorted({(rulemap[p], key) for p, v in S.items() if p in rulemap for key in v if key.startswith(crate + '/')})
    u = [x for x in u if x[1] not in drawn(x[0])]
    pick = sorted(random.Random(SEED).sample(u, min(k, len(u))))
    meta[f'coverage:{crate}'] = (len(pick), len(u))
    for r, key in pick: out.append((r, key, 'scan:coverage'))
json.dump({'labels': out, 'meta': meta}, open('sample.json', 'w'), indent=0)
print(meta); print(len(out))
