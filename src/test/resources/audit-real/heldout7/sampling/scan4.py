"""heldout6 only: pool F of sample.py. Awaited method calls on a receiver named as a database or server client
(client, conn, connection, session, pool, db, tx, txn, transaction, stmt, redis, executor; also `self.` fields of
those names) inside a loop body or an iterator closure, in non-test code: the per-item round trips a driver's own
loops make (heldout4's QUERY list names few driver methods). Reuses the top of scan.py (exec)."""
import json, os, re, sys, bisect
sys.argv = ['x', '/dev/null']
exec(open('scan.py').read().split('def main():')[0])
crates = [l.split()[:2] for l in open(os.environ.get('CRATES', 'crates.txt')) if l.strip() and not l.startswith('#')]
CALL = re.compile(r'\b(self\.)?(client|conn|connection|session|pool|db|tx|txn|transaction|stmt|redis|executor|\w+_(client|conn|pool|session))\s*(\.\s*\w+\s*(\([^()]*\))?)*?\s*\.\s*(\w+)\s*(::<[^>]*>)?\s*\(')
pools = {'query-in-loop-client': {}}
for name, ver in crates:
    cv = f'{name}-{ver}'; cdir = os.path.join(ROOT, cv)
    files = [os.path.relpath(os.path.join(dp, f), cdir) for dp, dn, fn in os.walk(cdir) for f in fn if f.endswith('.rs')]
    tmf = test_module_files(cdir, files)
    for rel in sorted(files):
        if is_test_file(rel, tmf): continue
        text = open(os.path.join(cdir, rel), errors='replace').read()
        s, blocks, owner = analyse(text)
        ls = [0] + [i + 1 for i, c in enumerate(s) if c == '\n']
        ln = lambda p: bisect.bisect_right(ls, p)
        for m in CALL.finditer(s):
            o = owner[m.start()]
            b = blocks[o - 1] if o else None
            if b is None or b.test or not b.loop: continue
            if m.group(6) in ('clone', 'lock', 'read', 'write', 'send', 'recv', 'push', 'insert', 'remove', 'get', 'len', 'is_empty', 'iter', 'unwrap', 'map', 'as_ref', 'take'): continue
            rest = s[m.end():m.end() + 300]
            depth = 1; j = 0
            while j < len(rest) and depth:
                depth += {'(': 1, ')': -1}.get(rest[j], 0); j += 1
            if not re.match(r'\s*(\?\s*)?\.await', rest[j:]): continue
            pools['query-in-loop-client'][f'{cv}/{rel}:{ln(m.start())}'] = m.group(0)[:40]
json.dump(pools, open('scan4.json', 'w'), indent=0)
for k, v in pools.items(): print(k, len(v))
