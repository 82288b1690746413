"""Reviewer's own block scanner (heldout4's, reused unchanged for heldout5): finds candidate sites per rule, whatever the audit says.
Knows which lines sit in an async fn/block, in spawn_blocking or thread closures, in a loop body or an iterator
closure, and in test code. Output: JSON pools per rule of crate-version/path:line keys with the matched pattern."""
import os, re, sys, json, collections

ROOT = os.path.expanduser('~/.cache/rust-engineer/audit-corpus')

def strip(src):
    out = list(src); i = 0; n = len(src)
    def blank(a, b):
        for k in range(a, min(b, n)):
            if out[k] != '\n': out[k] = ' '
    while i < n:
        c = src[i]
        if src.startswith('//', i):
            j = src.find('\n', i); j = n if j < 0 else j; blank(i, j); i = j; continue
        if src.startswith('/*', i):
            depth = 1; j = i + 2
            while j < n and depth:
                if src.startswith('/*', j): depth += 1; j += 2
                elif src.startswith('*/', j): depth -= 1; j += 2
                else: j += 1
            blank(i, j); i = j; continue
        if c in 'br' and not (i and (src[i-1].isalnum() or src[i-1] == '_')):
            m = re.match(r'b?r(#*)"', src[i:i+20])
            if m:
                end = '"' + m.group(1)
                j = src.find(end, i + m.end()); j = n if j < 0 else j + len(end)
                blank(i + m.end(), j - len(end)); i = j; continue
        if c == '"' or (c == 'b' and src[i+1:i+2] == '"' and not (i and (src[i-1].isalnum() or src[i-1] == '_'))):
            j = i + (2 if c == 'b' else 1); st = j
            while j < n and src[j] != '"':
                j += 2 if src[j] == '\\' else 1
            blank(st, j); i = j + 1; continue
        if c == "'":
            m = re.match(r"'(\\(x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|.)|[^\\'\n])'", src[i:i+12])
            if m: blank(i + 1, i + m.end() - 1); i += m.end(); continue
        i += 1
    return ''.join(out)

ITER_CLOSURE = re.compile(r'\.(map|for_each|filter_map|flat_map|then|try_for_each|for_each_concurrent|fold|try_fold|filter|any|all|find_map|map_ok|and_then|try_filter_map|buffer_unordered)\s*$')
SPAWN_BLOCKING = re.compile(r'(spawn_blocking|thread::spawn|block_in_place|Builder::new\(\).*\.spawn|spawn_scoped|scope)\s*$')

class B:
    pass

def analyse(text):
    s = strip(text)
    n = len(s)
    blocks = []; stack = []; seg_start = 0
    owner = [0] * (n + 1)   # innermost block index + 1 (0 = file level)
    cur = 0
    for i, c in enumerate(s):
        owner[i] = cur
        if c in '{([':
            b = B(); b.kind = c; b.start = i; b.end = n; b.parent = stack[-1] if stack else None
            b.header = s[seg_start:i]
            # text since previous ; { } for attributes (wider)
            k = i - 1; depth = 0
            while k >= 0:
                ch = s[k]
                if ch in ')]': depth += 1
                elif ch in '([':
                    if depth == 0: break
                    depth -= 1
                elif ch in ';{}' and depth == 0: break
                k -= 1
            b.stmt = s[k+1:i]
            blocks.append(b); stack.append(b); cur = len(blocks)
            seg_start = i + 1
        elif c in '})]':
            if stack:
                b = stack.pop(); b.end = i
            cur = blocks.index(stack[-1]) + 1 if stack else 0
            seg_start = i + 1
        elif c == ';':
            seg_start = i + 1
    owner[n] = cur
    for idx, b in enumerate(blocks):
        p = b.parent
        b.test = p.test if p else False
        b.is_async = p.is_async if p else False
        b.loop = p.loop if p else False
        b.loopkind = p.loopkind if p else None
        b.blocking = p.blocking if p else False
        b.fn = p.fn if p else None
        st = re.sub(r'\s+', ' ', b.stmt).strip()
        if b.kind == '{':
            if re.search(r'#\[\s*cfg\s*\(\s*(test|all\(test[^)]*\))\s*\)\s*\]|#\[\s*(\w+::)*test\b[^\]]*\]|#\[rstest|\bmod\s+tests?\s*$', st):
                b.test = True
            if re.search(r'(^|[^\w])fn\s+\w+', st) and not re.search(r'\|[^|]*\|\s*(->[^{]*)?$', st):
                b.fnbody = True
                b.is_async = bool(re.search(r'\basync\b(\s+unsafe)?(\s+extern\s+\S+)?\s+fn\b', st)) or bool(re.search(r'#\[\s*(async_trait|tokio::main|actix_web::main|actix_rt::main)', st) and re.search(r'\basync\b', st))
                b.loop = False; b.loopkind = None; b.blocking = False
                m = re.search(r'fn\s+(\w+)', st); b.fn = m.group(1) if m else None
            elif re.search(r'\basync\s*(move\s*)?$', st):
                b.is_async = True; b.loop = False; b.loopkind = None; b.blocking = False
            elif re.search(r'(^|[^\w.])(for\b.*\bin\b.*|while\b.*|loop)\s*$', st) and not re.search(r'\bimpl\b|\bfn\b', st):
                b.loop = True
                b.loopkind = 'for' if re.search(r'(^|[^\w.])for\b', st) else ('while let' if re.search(r'while\s+let', st) else ('while' if 'while' in st else 'loop'))
            elif re.search(r'\|[^|]*\|\s*(->[^{]*)?$', st) or re.search(r'\|\|\s*$', st) or re.search(r'\basync\s+(move\s+)?\|', st):
                # closure with block body: its call is the parent '(' block
                call = re.sub(r'\s+', ' ', p.header).strip() if (p is not None and p.kind == '(') else ''
                if SPAWN_BLOCKING.search(call):
                    b.blocking = True; b.is_async = False
                elif re.search(r'\basync\b', st):
                    b.is_async = True; b.loop = False
                elif ITER_CLOSURE.search(call):
                    b.loop = True; b.loopkind = 'iter'
                elif p is not None and p.kind == '(' and call and not re.search(r'\.(map_err|unwrap_or_else|ok_or_else|map_or_else|inspect_err|or_else|with_context|context)\s*$', call):
                    # a closure handed to some function: may run elsewhere; keep async (inline combinators) but mark
                    pass
        else:
            call = re.sub(r'\s+', ' ', b.header).strip()
            if b.kind == '(' and ITER_CLOSURE.search(call):
                b.loop = True; b.loopkind = 'iter'
            if b.kind == '(' and SPAWN_BLOCKING.search(call):
                b.blocking = True; b.is_async = False
    return s, blocks, owner

def is_test_file(rel, testfiles):
    parts = rel.split('/')
    if any(p in ('tests', 'benches', 'examples') for p in parts[:-1]) or rel == 'build.rs': return True
    return rel in testfiles

def test_module_files(crate_dir, files):
    tf = set()
    for rel in files:
        txt = open(os.path.join(crate_dir, rel), errors='replace').read()
        for m in re.finditer(r'#\[\s*cfg\s*\(\s*test\s*\)\s*\]\s*(#\[[^\]]*\]\s*)*(pub(\([^)]*\))?\s+)?mod\s+(\w+)\s*;', txt):
            name = m.group(4); d = os.path.dirname(rel); base = os.path.basename(rel)
            if base in ('lib.rs', 'main.rs', 'mod.rs'): cands = [os.path.join(d, name + '.rs'), os.path.join(d, name, 'mod.rs')]
            else:
                stem = base[:-3]; cands = [os.path.join(d, stem, name + '.rs'), os.path.join(d, stem, name, 'mod.rs')]
            for c in cands: tf.add(os.path.normpath(c))
        if re.match(r'\s*#!\[cfg\(test\)\]', txt): tf.add(rel)
    # modules of test module files
    changed = True
    while changed:
        changed = False
        for rel in list(tf):
            p = os.path.join(crate_dir, rel)
            if not os.path.exists(p): continue
            txt = open(p, errors='replace').read()
            d = os.path.dirname(rel); base = os.path.basename(rel)
            for m in re.finditer(r'\bmod\s+(\w+)\s*;', txt):
                name = m.group(1)
                if base in ('lib.rs', 'main.rs', 'mod.rs'): cands = [os.path.join(d, name + '.rs'), os.path.join(d, name, 'mod.rs')]
                else:
                    stem = base[:-3]; cands = [os.path.join(d, stem, name + '.rs'), os.path.join(d, stem, name, 'mod.rs')]
                for c in cands:
                    c = os.path.normpath(c)
                    if c not in tf: tf.add(c); changed = True
    return tf

# ---- patterns ----
BLOCKING = [
    ('std::fs', re.compile(r'\b(std::)?fs::(read|read_to_string|write|remove_file|remove_dir|remove_dir_all|create_dir|create_dir_all|rename|copy|read_dir|metadata|symlink_metadata|canonicalize|hard_link|set_permissions|read_link|File)\b')),
    ('File', re.compile(r'(?<![\w:])(std::fs::)?(File::(open|create|options)|OpenOptions::new)\b')),
    ('sleep', re.compile(r'\b(std::)?thread::sleep\b|(?<![\w.:])sleep\s*\(')),
    ('block_on', re.compile(r'\bblock_on\s*\(')),
    ('process', re.compile(r'\b(std::process::)?Command::new\b|\.(output|status|wait)\s*\(\s*\)')),
    ('recv', re.compile(r'\.(recv|recv_timeout|join)\s*\(\s*\)|\.recv_timeout\(')),
    ('net', re.compile(r'\bto_socket_addrs\b|\bstd::net::TcpStream::connect|\bTcpStream::connect\b')),
    ('probe', re.compile(r'\.(exists|is_file|is_dir|try_exists|canonicalize)\s*\(\s*\)')),
    ('syncdb', re.compile(r'\.(query_row|query_map|prepare|prepare_cached|execute_batch|begin_write|begin_read|open_table|commit|get_result|load|first)\s*\(')),
    ('blocking_', re.compile(r'\.blocking_(lock|read|write|recv|send)\s*\(')),
    ('stdio', re.compile(r'\bstdin\(\)\.read_line|\bread_line\s*\(')),
]
LOCK_LET = re.compile(r'\blet\s+(mut\s+)?(\w+)\s*(:[^=]+)?=\s*(.*?)\.(lock|read|write|try_lock|try_read|try_write)\s*\(\s*\)\s*(\.unwrap\(\)|\.expect\([^)]*\)|\?|\.unwrap_or_else\([^)]*\))?\s*;')
QUERY = re.compile(r'\.(execute|fetch_one|fetch_all|fetch_optional|fetch|query|query_one|query_opt|query_raw|query_row|query_map|load|get_result|get_results|first|insert_one|insert_many|find_one|find|update_one|update_many|delete_one|delete_many|find_one_and_update|aggregate|count_documents|one|all|exec|exec_with_returning|query_async|get|set|hget|hset|zadd|sadd|del|lpush|rpush|insert|remove|get_value|find_by_prefix|raw_find_by_prefix|insert_entry|get_value_or|find_by_range|commit)\s*[(:<]|\bsqlx::query(_as|_scalar)?(!|\s*(::<[^>]*>)?\s*\()|\bquery(_as)?!\s*\(|\bes_query!')
DB_ARG = re.compile(r'(?<!Some)(?<!Ok)(?<!Err)(?<![|\w])(?:[a-z_]\w*|::\w+|>)\s*\((\s*&\s*(mut\s+)?\*?)?\s*(self\.)?(db|conn|connection|pool|tx|txn|transaction|dbtx|db_tx|op|executor|db_con|db_conn|database)\b\s*[,)]|\w\s*\([^()]*,\s*&?\s*(mut\s+)?\*?(self\.)?(db|conn|connection|pool|txn|transaction|dbtx|db_tx|op|executor|db_con|db_conn|database)\b\s*[,)]')
UNWRAP = re.compile(r'\.unwrap\(\)|\.expect\(')
LIFETIME = re.compile(r"'([a-zA-Z_]\w*)\b(?!')")

def header_items(s):
    """yield (pos, header text) of fn/struct/enum/impl/trait/type items (up to { or ;)."""
    for m in re.finditer(r'(?m)^[ \t]*(pub(\([^)]*\))?\s+)?(const\s+)?(async\s+)?(unsafe\s+)?(extern\s+"[^"]*"\s+)?(fn|struct|enum|impl|trait|type|union)\b', s):
        j = m.end(); depth = 0
        while j < len(s):
            ch = s[j]
            if ch in '(<[': depth += 1
            elif ch in ')>]':
                if not (ch == '>' and s[j-1] == '-'): depth -= 1
            elif ch in '{;' and depth <= 0: break
            j += 1
        yield m.start() + (len(m.group(0)) - len(m.group(0).lstrip())), s[m.start():j]

def main():
    crates = [l.split()[:2] for l in open(sys.argv[1]) if l.strip() and not l.startswith('#')]
    pools = collections.defaultdict(dict)
    for name, ver in crates:
        cv = f'{name}-{ver}'; cdir = os.path.join(ROOT, cv)
        files = []
        for dp, dn, fn in os.walk(cdir):
            dn[:] = [d for d in dn if d != 'target']
            for f in fn:
                if f.endswith('.rs'): files.append(os.path.relpath(os.path.join(dp, f), cdir))
        tmf = test_module_files(cdir, files)
        for rel in sorted(files):
            if is_test_file(rel, tmf): continue
            text = open(os.path.join(cdir, rel), errors='replace').read()
            s, blocks, owner = analyse(text)
            ls = [0]
            for i, c in enumerate(s):
                if c == '\n': ls.append(i + 1)
            import bisect
            def lineno(pos): return bisect.bisect_right(ls, pos)
            def ctx(pos):
                o = owner[pos]
                return blocks[o - 1] if o else None
            def key(pos): return f'{cv}/{rel}:{lineno(pos)}'
            def awaited(pos):
                # statement after pos up to ; or { contains .await before the next ;
                rest = s[pos:pos + 400]
                m = re.search(r'[;{}]', rest)
                seg = rest[:m.start()] if m else rest
                return '.await' in seg
            def testy(b):
                return b is not None and b.test
            # blocking
            for kind, rx in BLOCKING:
                for m in rx.finditer(s):
                    b = ctx(m.start())
                    if b is None or testy(b) or not b.is_async or b.blocking: continue
                    if awaited(m.end()): continue
                    line = s[ls[lineno(m.start()) - 1]:].split('\n', 1)[0]
                    if kind == 'syncdb' and re.match(r'\.(load|first)\s*\(\s*(\)|Ordering)', s[m.start():m.start()+30]): continue
                    if kind == 'process' and m.group(0).startswith('.') and not re.search(r'Command|child|process', line): continue
                    if kind == 'recv' and '=>' in line: continue
                    if kind == 'std::fs' and re.search(r'tokio::fs|async_fs|fs_err::tokio', line): continue
                    if kind == 'sleep' and 'thread::sleep' not in m.group(0) and not re.search(r'use std::thread::sleep|use std::thread::\{[^}]*sleep', s): continue
                    pools['blocking-in-async'].setdefault(key(m.start()), kind)
            for m in re.finditer(r'KVStoreSync::(read|write|remove|list)\s*\(|\b\w*_store\.(insert|update|remove|insert_or_update)\s*\(', s):
                b = ctx(m.start())
                if b is None or testy(b) or not b.is_async or b.blocking or awaited(m.end()): continue
                if name != 'ldk-node': continue
                pools['blocking-kvstore'].setdefault(key(m.start()), m.group(0)[:30])
            # lock guards in async code
            for m in LOCK_LET.finditer(s):
                b = ctx(m.start())
                if b is None or testy(b) or not b.is_async or b.blocking: continue
                if '.await' in m.group(0): continue
                pools['lock-across-await'].setdefault(key(m.start()), m.group(5))
            # queries in loops
            for m in QUERY.finditer(s):
                b = ctx(m.start())
                if b is None or testy(b) or not b.loop: continue
                meth = re.match(r'\.(\w+)', m.group(0))
                if meth and meth.group(1) not in ('execute','fetch_one','fetch_all','fetch_optional','fetch','query','query_one','query_opt','query_raw','query_row','query_map','get_result','get_results','insert_one','insert_many','find_one','update_one','update_many','delete_one','delete_many','find_one_and_update','aggregate','count_documents','exec','exec_with_returning','query_async') and not awaited(m.end()):
                    continue
                pools['query-in-loop'].setdefault(key(m.start()), 'query:' + m.group(0)[:20])
            for m in DB_ARG.finditer(s):
                b = ctx(m.start())
                if b is None or testy(b) or not b.loop: continue
                pools['query-in-loop-dbarg'].setdefault(key(m.start()), 'dbarg')
            # unwraps
            for m in UNWRAP.finditer(s):
                b = ctx(m.start())
                if testy(b): continue
                pools['unwrap-in-production'].setdefault(key(m.start()), m.group(0))
            # lifetimes
            for pos, h in header_items(s):
                b = ctx(pos)
                if testy(b): continue
                lts = {x for x in LIFETIME.findall(h) if x not in ('static', '_')}
                if len(lts) >= 2 or re.search(r"for\s*<\s*'", h):
                    pools['complex-lifetimes'].setdefault(key(pos), ','.join(sorted(lts)) + (' for<>' if 'for<' in h.replace(' ', '') else ''))
    json.dump({k: dict(sorted(v.items())) for k, v in pools.items()}, sys.stdout, indent=0)

main()
