"""heldout6 only: pool G of sample.py, wider blocking candidates in async code (not awaited), because pools B held
only two blocking calls a reviewer wants reported: (1) calls of the crate's own non-async fns (any file, matched by
name) whose body makes a std::fs / File / thread::sleep / std::process / std::net / stdin / block_on call outside a
spawn_blocking or thread closure (blocking helpers, one level); (2) std I/O calls the heldout4 list leaves out:
read_to_string / read_to_end / write_all / flush / sync_all / set_len / read_line on a value that is not awaited,
std::io::stdin(), std::net::* connects and lookups, reqwest::blocking, Handle::block_on, blocking_* methods.
Reuses the top of scan.py (exec)."""
import json, os, re, sys, bisect
sys.argv = ['x', '/dev/null']
exec(open('scan.py').read().split('def main():')[0])
crates = [l.split()[:2] for l in open(os.environ.get('CRATES', 'crates.txt')) if l.strip() and not l.startswith('#')]
HELPER_BODY = re.compile(r'\b(std::)?fs::(read|read_to_string|write|remove_file|remove_dir_all|create_dir_all|create_dir|rename|copy|read_dir|File)\b|\bFile::(open|create)\b|\bOpenOptions::new\b|\bthread::sleep\b|\bstd::process::Command\b|\bstd::net::|\bto_socket_addrs\b|\bstdin\(\)|\bblock_on\s*\(')
WIDE = re.compile(r'\.(read_to_string|read_to_end|write_all|sync_all|sync_data|set_len|read_line)\s*\(|\bstd::io::stdin\(\)|\bstd::net::\w+::(connect|bind)|\breqwest::blocking\b|\bHandle::current\(\)\s*\.block_on|\.block_on\s*\(|\.blocking_\w+\s*\(')
pools = {'blocking-wide': {}}
for name, ver in crates:
    cv = f'{name}-{ver}'; cdir = os.path.join(ROOT, cv)
    files = [os.path.relpath(os.path.join(dp, f), cdir) for dp, dn, fn in os.walk(cdir) for f in fn if f.endswith('.rs')]
    tmf = test_module_files(cdir, files)
    texts = {rel: open(os.path.join(cdir, rel), errors='replace').read() for rel in files if not is_test_file(rel, tmf)}
    helpers = set()
    for rel, text in texts.items():
        s, blocks, owner = analyse(text)
        for b in blocks:
            if getattr(b, 'fnbody', False) and not b.is_async and not b.test and b.fn:
                body = s[b.start:b.end]
                if HELPER_BODY.search(body) and not re.search(r'spawn_blocking|thread::spawn', body):
                    helpers.add(b.fn)
    helpers -= {'new', 'default', 'from', 'into', 'drop', 'fmt', 'main', 'run', 'build', 'open', 'read', 'write', 'connect', 'load'}
    HCALL = re.compile(r'(?<![\w.])(?:self\.|Self::|\w+::)?(' + '|'.join(sorted(map(re.escape, helpers))) + r')\s*\(') if helpers else None
    for rel, text in sorted(texts.items()):
        s, blocks, owner = analyse(text)
        ls = [0] + [i + 1 for i, c in enumerate(s) if c == '\n']
        ln = lambda p: bisect.bisect_right(ls, p)
        def ok(pos, end):
            o = owner[pos]; b = blocks[o - 1] if o else None
            if b is None or b.test or not b.is_async or b.blocking: return False
            rest = s[end:end + 400]; m = re.search(r'[;{}]', rest)
            return '.await' not in (rest[:m.start()] if m else rest)
        for m in WIDE.finditer(s):
            if ok(m.start(), m.end()):
                line = s[ls[ln(m.start()) - 1]:].split('\n', 1)[0]
                if re.search(r'tokio::|AsyncWriteExt|AsyncReadExt', line): continue
                pools['blocking-wide'][f'{cv}/{rel}:{ln(m.start())}'] = m.group(0)[:30]
        if HCALL:
            for m in HCALL.finditer(s):
                pre = s[max(0, m.start() - 12):m.start()]
                if re.search(r'\bfn\s+$', pre): continue
                if ok(m.start(), m.end()):
                    pools['blocking-wide'].setdefault(f'{cv}/{rel}:{ln(m.start())}', 'helper:' + m.group(1))
json.dump(pools, open('scan5.json', 'w'), indent=0)
for k, v in pools.items(): print(k, len(v))
