"""heldout5 only: unwraps whose receiver is a call that parses, converts or reads a value (the likeliest outside
input), in non-test code: the pool E of sample.py. Reuses the top of scan.py (exec)."""
import json, os, re, sys, bisect
sys.argv = ['x', '/dev/null']
exec(open('scan.py').read().split('def main():')[0])
crates = [l.split()[:2] for l in open(os.environ.get('CRATES', 'crates.txt')) if l.strip() and not l.startswith('#')]
INPUT = re.compile(r'\.(parse|from_str|from_slice|from_reader|from_utf8|from_value|to_str|var|get|get_one|header|headers|next|first|last|json|text|bytes|recv|send|connect|open|read|read_to_string|decode|try_into|try_from)\s*(::<[^>]*>)?\s*\([^()]*(\([^()]*\)[^()]*)*\)\s*(\?\s*)?\.(unwrap\(\)|expect\()')
pools = {'unwrap-input': {}}
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
        for m in INPUT.finditer(s):
            o = owner[m.start()]
            b = blocks[o - 1] if o else None
            if b is not None and b.test: continue
            if re.search(r'\.(lock|read|write)\s*\(\s*\)\s*\.(unwrap|expect)', s[m.start():m.end()]): continue
            u = m.start() + m.group(0).rfind('.unwrap()' if m.group(0).endswith('unwrap()') else '.expect(')
            pools['unwrap-input'][f'{cv}/{rel}:{ln(u)}'] = m.group(1)
json.dump(pools, open('scan3.json', 'w'), indent=0)
for k, v in pools.items(): print(k, len(v))
