"""heldout7's pool H (source: scan): every std blocking call (std::fs / File::open|create / thread::sleep / .join() /
Command output|status / block_on / std recv) in a non-test .rs file of a crate, async context or not (a plain text
scan over heldout4's blanked source, test code known), so that the blocking rule is judged on sync code of async
crates too; drawn after pools B and G."""
import os, re, sys, json
sys.argv = ['x', '/dev/null']
exec(open('scan.py').read().split('def main():')[0])
crates = [l.split()[:2] for l in open(os.environ.get('CRATES', 'crates.txt')) if l.strip() and not l.startswith('#')]
PAT = re.compile(r'std::fs::\w+|\bfs::(read\w*|write|create_dir\w*|remove\w*|metadata|copy|rename|canonicalize)\s*\(|'
                 r'\bFile::(open|create)\s*\(|thread::sleep\s*\(|\.join\(\)|\.output\(\)|\.status\(\)|\bblock_on\s*\(|\.recv\(\)')
pool = {}
for name, ver in crates:
    base = os.path.join(ROOT, f'{name}-{ver}')
    for dp, dn, fn in os.walk(base):
        dn.sort()
        for f in sorted(fn):
            if not f.endswith('.rs'): continue
            p = os.path.join(dp, f); rel = os.path.relpath(p, base)
            if re.match(r'(tests|benches|examples)/', rel) or f in ('build.rs', 'tests.rs'): continue
            src = open(p, errors='replace').read(); s = strip(src)
            cut = s.find('#[cfg(test)]')
            for m in PAT.finditer(s):
                if cut >= 0 and m.start() > cut: continue
                line = s.count('\n', 0, m.start()) + 1
                pool[f'{name}-{ver}/{rel}:{line}'] = m.group(0)
json.dump({'blocking-any': pool}, open('scan6.json', 'w'), indent=0)
print('blocking-any', len(pool))
