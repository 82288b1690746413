import json, os, re, sys, bisect
sys.argv=['x','/dev/null']
exec(open('scan.py').read().split('def main():')[0])
crates=[l.split()[:2] for l in open(os.environ.get('CRATES', 'crates.txt')) if l.strip() and not l.startswith('#')]
pools={'lock-scrutinee':{}, 'blocking-stdlock':{}}
for name,ver in crates:
    cv=f'{name}-{ver}'; cdir=os.path.join(ROOT,cv)
    files=[os.path.relpath(os.path.join(dp,f),cdir) for dp,dn,fn in os.walk(cdir) for f in fn if f.endswith('.rs')]
    tmf=test_module_files(cdir,files)
    for rel in sorted(files):
        if is_test_file(rel,tmf): continue
        text=open(os.path.join(cdir,rel),errors='replace').read()
        s,blocks,owner=analyse(text)
        ls=[0]+[i+1 for i,c in enumerate(s) if c=='\n']
        ln=lambda p: bisect.bisect_right(ls,p)
        ctx=lambda p: blocks[owner[p]-1] if owner[p] else None
        for m in re.finditer(r'\b(match|if\s+let\b[^=]*=|while\s+let\b[^=]*=)\s*[^{;]*?\.(lock|read|write)\(\)(?!\s*\.await)', s):
            b=ctx(m.start())
            if b is None or b.test or not b.is_async or b.blocking: continue
            pools['lock-scrutinee'][f'{cv}/{rel}:{ln(m.start())}']=m.group(1)[:8]
        for m in re.finditer(r'\.(lock|read|write)\(\)\s*\.(unwrap|expect)\(', s):
            b=ctx(m.start())
            if b is None or b.test or not b.is_async or b.blocking: continue
            pools['blocking-stdlock'][f'{cv}/{rel}:{ln(m.start())}']='stdlock'
json.dump(pools,open('scan2.json','w'),indent=0)
for k,v in pools.items(): print(k,len(v))
