"""Reading aid, not a sampler: for each drawn lock-across-await site, the end of the innermost {} block holding the
guard, a drop(guard) and the lines of the .await calls inside that block (the reviewer then read each site)."""
import json, sys, os, re, bisect
sys.argv = ['x', '/dev/null']
exec(open('scan.py').read().split('def main():')[0])
d = json.load(open('sample.json'))['labels']
rule = os.environ.get('RULE', 'lock-across-await')
for i, (r, k, s) in enumerate(d):
    if r != rule: continue
    path, line = k.rsplit(':', 1); line = int(line)
    text = open(os.path.join(ROOT, path), errors='replace').read()
    st, blocks, owner = analyse(text)
    ls = [0] + [j + 1 for j, c in enumerate(st) if c == '\n']
    pos = ls[line - 1] + len(st[ls[line-1]:].split('\n')[0]) - len(st[ls[line-1]:].split('\n')[0].lstrip())
    o = owner[pos]
    b = blocks[o - 1] if o else None
    while b is not None and b.kind != '{': b = b.parent
    end = b.end if b else len(st)
    seg = st[pos:end]
    m = re.search(r'let\s+(mut\s+)?(\w+)', st[pos:pos+200])
    name = m.group(2) if m else None
    dm = re.search(r'drop\(\s*' + name + r'\s*\)', seg) if name else None
    aw = [bisect.bisect_right(ls, pos + x.start()) for x in re.finditer(r'\.await', seg)]
    print(f'#{i} {k} block ends line {bisect.bisect_right(ls, end)}; guard {name}; drop at {bisect.bisect_right(ls, pos+dm.start()) if dm else None}; awaits {aw[:6]}')
