// The page: a brief and a short project form on the left, the advice on the right. Every change asks
// POST /api/advise and redraws the advice; the whole state lives in the URL's fragment, so a link reproduces the
// advice and the project (like start.spring.io's Share). Plain JS, no build step, nothing fetched from elsewhere:
// the page works from the jar alone.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const TITLES = {
    'invoke': "Invoke / Don't invoke", 'choose-rust': 'When to Choose Rust?', 'web-framework': 'Web Framework Decision',
    'async-runtime': 'Async Runtime Decision', 'ffi': 'FFI vs Pure Rust'
  };
  const STACK = { runtime: 'Runtime', web: 'Web framework', db: 'Database layer', target: 'Target', ffi: 'FFI', features: 'Features' };
  const FEATURES = { rest: 'REST API', websocket: 'WebSocket', grpc: 'gRPC', database: 'Database', metrics: 'Metrics', openapi: 'OpenAPI document' };
  const DATABASES = { postgres: 'PostgreSQL', sqlite: 'SQLite', mysql: 'MySQL' };
  const SOURCES = { text: 'the text', model: 'learned from similar briefs', inference: 'inferred', default: 'default' };
  // Fields the short form asks itself (kind is asked once, as the kind of project to generate).
  const SHORT = ['text', 'kind', 'database', 'features'];
  const narrow = window.matchMedia('(max-width: 760px)');

  let meta = null;       // GET /api/metadata
  const questions = {};  // brief field name -> its question, the human label
  let features = [];     // chosen features, in the order chosen
  let advice = null;     // the advice on screen (null: none)
  let preview = null;    // the previewed project on screen
  let timer = null;
  let seq = 0;

  function el(tag, props, ...children) {
    const e = document.createElement(tag);
    Object.assign(e, props || {});
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }
  function option(value, label) { return el('option', { value, textContent: label }); }
  function say(id, msg, error) {
    $(id).textContent = msg || '';
    $(id).classList.toggle('error', !!error);
  }
  // `code` in the knowledge's sentences is shown as code, not as backticks.
  function inline(s) {
    return String(s).split(/`([^`]+)`/).map((part, i) => (i % 2 ? el('code', { textContent: part }) : part));
  }
  function yesNo(v) { return v === true ? 'yes' : v === false ? 'no' : Array.isArray(v) ? v.join(', ') : String(v); }

  // --- the form, built from /api/metadata ---------------------------------------------------------------
  async function loadMetadata() {
    meta = await (await fetch('/api/metadata')).json();
    for (const f of meta.brief) questions[f.name] = f.description;
    const kind = $('kind');
    kind.append(option('', 'From the brief'));
    for (const k of meta.kinds || []) kind.append(option(k.id, capital(k.label)));
    const projectOpt = (n) => meta.project.find((o) => o.name === n) || { values: [] };
    $('web').append(option('', 'As advised'));
    for (const w of projectOpt('web').values) $('web').append(option(w, w));
    const dbs = projectOpt('db').values;
    $('database').append(option('', 'From the brief'));
    for (const d of briefField('database').values) {
      $('database').append(option(d, (DATABASES[d] || d) + (dbs.includes(d) ? '' : ' (advice only, not generated)')));
    }
    for (const who of meta.handoff_to || []) $('handoff-to').append(option(who, who));
    buildMore();
    buildPicker();
  }

  function briefField(name) { return meta.brief.find((f) => f.name === name) || { values: [] }; }
  function capital(s) { return s.charAt(0).toUpperCase() + s.slice(1); }

  // Every other field of the brief, folded under "More", each labelled with the question it answers.
  function buildMore() {
    const box = $('brief-more');
    let n = 0;
    for (const f of meta.brief) {
      if (SHORT.includes(f.name)) continue;
      n++;
      const id = 'f-' + f.name;
      if (f.type === 'set') {
        const set = el('fieldset', { className: 'set' }, el('legend', { textContent: f.description }));
        set.dataset.field = f.name;
        for (const v of f.values) {
          const box2 = el('input', { type: 'checkbox', id: id + '-' + v, value: v });
          box2.dataset.field = f.name;
          set.append(el('label', { className: 'check' }, box2, ' ' + v));
        }
        box.append(set);
        continue;
      }
      const label = el('label', { htmlFor: id, textContent: f.description });
      let input;
      if (f.type === 'boolean') {
        input = el('select', { id }, option('', 'From the text'), option('true', 'Yes'), option('false', 'No'));
      } else if (f.type === 'enum') {
        input = el('select', { id }, option('', 'From the text'), ...f.values.map((v) => option(v, v)));
      } else {
        input = el('input', { id, type: f.type === 'integer' ? 'number' : 'text', min: f.name === 'services' ? '1' : '0', inputMode: 'numeric' });
      }
      input.dataset.field = f.name;
      input.dataset.type = f.type;
      box.append(el('div', { className: 'q' }, label, input));
    }
    $('more-count').textContent = '(' + n + ')';
  }

  // --- the searchable features picker (an ARIA combobox over a multi-select listbox) ---------------------
  let active = -1;
  function buildPicker() {
    const input = $('features-input');
    input.addEventListener('input', () => openList(true));
    input.addEventListener('focus', () => openList(true));
    input.addEventListener('blur', () => setTimeout(() => openList(false), 150));
    input.addEventListener('keydown', (e) => {
      const opts = [...$('features-list').children];
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        openList(true);
        if (!opts.length) return;
        active = (active + (e.key === 'ArrowDown' ? 1 : opts.length - 1)) % opts.length;
        markActive();
      } else if (e.key === 'Enter') {
        e.preventDefault();
        if (active >= 0 && opts[active]) toggleFeature(opts[active].dataset.value);
        else if (opts.length === 1) toggleFeature(opts[0].dataset.value);
      } else if (e.key === 'Escape') {
        openList(false);
      } else if (e.key === 'Backspace' && !input.value && features.length) {
        toggleFeature(features[features.length - 1]);
      }
    });
  }

  function openList(open) {
    const list = $('features-list');
    const input = $('features-input');
    if (open) {
      const q = input.value.trim().toLowerCase();
      list.replaceChildren();
      for (const v of briefField('features').values) {
        const label = FEATURES[v] || v;
        if (q && !label.toLowerCase().includes(q) && !v.includes(q)) continue;
        const li = el('li', { id: 'feature-' + v, textContent: label });
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', String(features.includes(v)));
        li.dataset.value = v;
        li.addEventListener('mousedown', (e) => { e.preventDefault(); toggleFeature(v); });
        list.append(li);
      }
      if (!list.children.length) {
        const none = el('li', { className: 'none', textContent: 'No feature matches' });
        none.setAttribute('role', 'option');
        none.setAttribute('aria-disabled', 'true');
        list.append(none);
      }
      active = Math.min(active, list.children.length - 1);
      markActive();
    }
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
  }

  function markActive() {
    const opts = [...$('features-list').children];
    opts.forEach((o, i) => o.classList.toggle('active', i === active));
    if (active >= 0 && opts[active] && opts[active].id) $('features-input').setAttribute('aria-activedescendant', opts[active].id);
    else $('features-input').removeAttribute('aria-activedescendant');
  }

  function toggleFeature(v) {
    if (!v) return;
    features = features.includes(v) ? features.filter((x) => x !== v) : features.concat(v);
    $('features-input').value = '';
    drawChips();
    if (!$('features-list').hidden) openList(true);
    changed(true);
  }

  function drawChips() {
    $('features-chips').replaceChildren(...features.map((v) => {
      const b = el('button', { type: 'button', className: 'chip', textContent: (FEATURES[v] || v) + ' ×' });
      b.setAttribute('aria-label', 'Remove ' + (FEATURES[v] || v));
      b.addEventListener('click', () => { toggleFeature(v); $('features-input').focus(); });
      return el('li', {}, b);
    }));
  }

  // --- state: the form <-> the URL fragment -------------------------------------------------------------
  function moreInputs() { return [...$('brief-more').querySelectorAll('select, input:not([type=checkbox])')]; }
  function moreSets() {
    const sets = {};
    for (const c of $('brief-more').querySelectorAll('input[type=checkbox]')) {
      (sets[c.dataset.field] = sets[c.dataset.field] || []);
      if (c.checked) sets[c.dataset.field].push(c.value);
    }
    return sets;
  }

  function readState() {
    const s = { text: $('brief').value.trim(), kind: $('kind').value, web: $('web').value, database: $('database').value,
      features: features.slice(), name: $('name').value.trim(), resource: $('resource').value.trim(),
      force: $('force-rust').checked, fields: {} };
    for (const i of moreInputs()) if (i.value.trim()) s.fields[i.dataset.field] = i.value.trim();
    for (const [k, v] of Object.entries(moreSets())) if (v.length) s.fields[k] = v.join(',');
    return s;
  }

  function toFragment(s) {
    const p = new URLSearchParams();
    for (const k of ['text', 'kind', 'web', 'database']) if (s[k]) p.set(k, s[k]);
    if (s.features.length) p.set('features', s.features.join(','));
    if (s.name && s.name !== 'orders') p.set('name', s.name);
    if (s.resource) p.set('resource', s.resource);
    for (const [k, v] of Object.entries(s.fields)) p.set(k, v);
    if (s.force) p.set('force', '1');
    if (preview) {
      p.set('files', '1');
      if ($('file-view').dataset.path) p.set('file', $('file-view').dataset.path);
    }
    return p.toString();
  }

  function writeUrl() {
    const frag = toFragment(readState());
    history.replaceState(null, '', frag ? '#' + frag : location.pathname);
    $('share-url').value = location.href;
  }

  function applyFragment() {
    const p = new URLSearchParams(location.hash.slice(1));
    $('brief').value = p.get('text') || '';
    setSelect($('kind'), p.get('kind'));
    setSelect($('web'), p.get('web'));
    setSelect($('database'), p.get('database'));
    const allowed = briefField('features').values;
    features = (p.get('features') || '').split(',').filter((v) => allowed.includes(v));
    drawChips();
    $('name').value = p.get('name') || 'orders';
    $('resource').value = p.get('resource') || '';
    for (const i of moreInputs()) i.value = p.get(i.dataset.field) || '';
    for (const c of $('brief-more').querySelectorAll('input[type=checkbox]')) {
      c.checked = (p.get(c.dataset.field) || '').split(',').includes(c.value);
    }
    $('force-rust').checked = p.get('force') === '1';
    return { files: p.get('files') === '1', file: p.get('file') };
  }

  function setSelect(select, v) {
    select.value = v && [...select.options].some((o) => o.value === v) ? v : '';
  }

  // --- the requests ------------------------------------------------------------------------------------
  // The brief as /api/advise takes it: the text, the short form's answers, the kind's meaning in brief terms,
  // and "More". "Use Rust anyway" re-advises as a brief that names Rust.
  function briefBody(s) {
    const body = {};
    if (s.text) body.text = s.text;
    const kind = (meta.kinds || []).find((k) => k.id === s.kind);
    if (kind) Object.assign(body, kind.brief);
    if (s.database) body.database = s.database;
    if (s.features.length || (body.features && body.features.length)) {
      body.features = [...new Set((body.features || []).concat(s.features))];
    }
    for (const [k, v] of Object.entries(s.fields)) {
      const type = briefField(k).type;
      body[k] = type === 'boolean' ? v === 'true' : type === 'integer' ? Number(v) : type === 'set' ? v.split(',') : v;
    }
    return body;
  }

  function hasBrief(s) {
    return !!(s.text || s.kind || s.database || s.features.length || Object.keys(s.fields).length);
  }

  // The URL is rewritten with the advice, not on every key: browsers throttle history updates.
  function changed(now) {
    drawOptionsSummary();
    markStale();
    clearTimeout(timer);
    timer = setTimeout(() => { writeUrl(); advise(); }, now ? 0 : 300);
  }

  let urlTimer = null;
  function saveSoon() {
    drawOptionsSummary();
    markStale();
    clearTimeout(urlTimer);
    urlTimer = setTimeout(writeUrl, 300);
  }

  // A preview on screen that no longer matches the form says so, with a button to make it again.
  function markStale() {
    if (preview && !$('files').hidden) $('files-stale').hidden = false;
  }

  async function advise() {
    const s = readState();
    const mine = ++seq;
    if (!hasBrief(s)) { clearAdvice(); return; }
    const body = briefBody(s);
    if (s.force) body.language = 'rust';
    let res, json;
    try {
      res = await fetch('/api/advise', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      json = await res.json();
    } catch (e) {
      if (mine === seq) say('status', 'The server did not answer: ' + e.message, true);
      return;
    }
    if (mine !== seq) return; // a newer request is on its way
    if (!res.ok) {
      clearAdvice();
      say('status', problem(json), true);
      return;
    }
    say('status', '');
    render(json, s);
  }

  // An RFC 9457 problem: its detail already names each field that is wrong.
  function problem(json) {
    return json.detail || json.title || 'The request failed';
  }

  function clearAdvice() {
    advice = null;
    say('status', '');
    const v = $('verdict');
    v.className = 'verdict empty';
    v.textContent = 'Type a brief to see the advice.';
    $('force-box').hidden = !$('force-rust').checked;
    $('force-why').textContent = '';
    for (const id of ['stack', 'decisions', 'notes', 'questions', 'escalations', 'handoffs', 'evidence']) $(id).replaceChildren();
    $('advice-body').hidden = true;
    $('examples').hidden = false;
    markFromText({});
  }

  // --- drawing the advice --------------------------------------------------------------------------------
  function render(a, s) {
    advice = a;
    const v = $('verdict');
    v.replaceChildren();
    if (a.invoke) {
      v.className = 'verdict rust';
      v.append(el('strong', { textContent: 'Rust' }), ' — rust-engineer takes this task'
        + (s.force ? ', as you asked' : '') + '.');
    } else {
      v.className = 'verdict away';
      v.append(el('strong', { textContent: a.route }), ' — this task is not for rust-engineer'
        + (a.languages.length ? ' (' + a.languages.join(', ') + ')' : '') + '.');
    }
    // The switch shows where the advice routes away, and stays while it is on so it can be switched off.
    $('force-box').hidden = a.invoke && !s.force;
    $('force-why').textContent = s.force ? 'The advice and the project treat the brief as one that names Rust.'
      : 'Advise as if the brief named Rust, and generate the Rust project.';

    const stack = $('stack');
    stack.replaceChildren();
    const entries = Object.entries(a.stack);
    for (const [k, val] of entries) {
      let shown = Array.isArray(val) ? val.map((x) => FEATURES[x] || x).join(', ') : val;
      if (k === 'web' && s.web && s.web !== val) shown = s.web + ' (your pick; advised ' + val + ')';
      stack.append(el('div', {}, el('dt', { textContent: STACK[k] || k }), el('dd', { textContent: shown })));
    }
    stack.hidden = entries.length === 0;

    list('notes', a.notes, inline);
    list('questions', a.questions, inline);
    const decisions = $('decisions');
    decisions.replaceChildren(...a.decisions.map(drawDecision));
    list('escalations', a.escalations, (e) => [el('strong', { textContent: e.to }), ' (' + e.id + '): ',
      ...inline(e.reason + (e.evidence.length ? ' — ' + e.evidence.join('; ') : ''))]);
    list('handoffs', a.handoffs, (h) => [el('strong', { textContent: h.to }), ': ', ...inline(h.why),
      el('span', { className: 'muted block' }, 'Hand over: ', ...inline(h.artifacts.join('; ')))]);

    const ev = $('evidence');
    ev.replaceChildren();
    const fields = Object.entries(a.brief.fields);
    for (const [k, val] of fields) {
      const why = a.brief.evidence[k] || {};
      const from = el('dd', { className: 'from' }, 'from ' + (SOURCES[why.source] || why.source || 'the request'));
      if (why.source === 'text' && why.words) from.append(': “' + why.words + '”');
      if (why.rule) from.append(el('span', { className: 'muted block', textContent: why.rule }));
      ev.append(el('div', {}, el('dt', { textContent: questions[k] || k }), el('dd', { className: 'answer', textContent: yesNo(val) }), from));
    }
    $('evidence-count').textContent = '(' + fields.length + ' answers)';
    $('advice-body').hidden = false;
    $('examples').hidden = true;
    markFromText(a.brief.fields);
  }

  function list(id, items, line) {
    const ul = $(id);
    ul.replaceChildren(...items.map((x) => el('li', {}, ...[].concat(line(x)))));
    $(id + '-part').hidden = items.length === 0;
  }

  // One decision path drawn the way the spec draws its trees (question, └─ answer → next question, ..., the
  // outcome), as nested boxes: the text wraps at any width instead of running past the edge.
  function drawDecision(d) {
    const tree = el('div', { className: 'tree' });
    tree.dataset.framework = d.framework;
    let at = tree;
    d.path.forEach((step, i) => {
      if (i === 0) at.append(el('p', { className: 'q', textContent: step.question }));
      const branch = el('div', { className: 'branch' });
      branch.append(el('span', { className: 'edge', textContent: '└─ ' }), el('span', { className: 'answer', textContent: step.answer }));
      if (step.assumed) branch.append(' ', el('span', { className: 'assumed', textContent: '(assumed)' }));
      branch.append(el('span', { className: 'arrow', textContent: ' → ' }));
      if (i + 1 < d.path.length) {
        branch.append(el('span', { className: 'q', textContent: d.path[i + 1].question }));
      } else {
        branch.append(el('strong', { className: 'outcome', textContent: d.outcome }), el('span', { className: 'tick', textContent: ' ✓' }));
        branch.append(el('p', { className: 'why' }, ...inline(d.rationale)));
      }
      at.append(branch);
      at = branch;
    });
    const box = el('article', { className: 'decision' }, el('h4', { textContent: TITLES[d.framework] || d.framework }), tree);
    for (const adv of d.advisories || []) box.append(el('p', { className: 'advisory' }, 'Advisory: ', ...inline(adv)));
    return box;
  }

  // "From the text" in More says what the text answered, so a user sees what an override would change.
  function markFromText(fields) {
    for (const i of moreInputs()) {
      const v = fields[i.dataset.field];
      if (i.tagName === 'SELECT') i.options[0].textContent = v === undefined ? 'From the text' : 'From the text: ' + yesNo(v);
      else i.placeholder = v === undefined ? 'from the text' : 'from the text: ' + v;
    }
  }

  function drawOptionsSummary() {
    const s = readState();
    const kind = (meta.kinds || []).find((k) => k.id === s.kind);
    const parts = [kind ? kind.label : null, s.web || null, DATABASES[s.database] || null,
      s.features.map((f) => FEATURES[f] || f).join(', ') || null, s.name].filter(Boolean);
    $('options-summary').textContent = parts.join(' · ');
  }

  // --- generating ------------------------------------------------------------------------------------------
  function projectBody() {
    const s = readState();
    const body = briefBody(s);
    body.name = s.name;
    if (s.kind) body.project_kind = s.kind;
    if (s.web) body.web = s.web;
    if (s.resource) body.resource = s.resource;
    if (s.force) { body.language = 'rust'; body.force_rust = true; }
    return body;
  }

  async function postProject(path, doing) {
    if (advice && !advice.invoke && !$('force-rust').checked) {
      say('gen-status', 'The advice sends this task to ' + advice.route + '. Switch on “Use Rust anyway” to generate the Rust project.', true);
      $('force-rust').focus();
      return null;
    }
    say('gen-status', doing);
    let res;
    try {
      res = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(projectBody()) });
    } catch (e) {
      say('gen-status', 'The server did not answer: ' + e.message, true);
      return null;
    }
    if (!res.ok) {
      const err = await res.json().catch(() => ({ detail: res.statusText }));
      say('gen-status', problem(err), true);
      return null;
    }
    return res;
  }

  // A small highlighter (keywords, strings, comments, numbers) for Rust, TOML, YAML and SQL: enough to read a
  // preview, and no third-party script to load.
  const KEYWORDS = /\b(as|async|await|const|crate|else|enum|fn|for|if|impl|let|match|mod|move|mut|pub|return|self|Self|struct|trait|type|use|where|while|loop|true|false|Some|None|Ok|Err|SELECT|INSERT|UPDATE|DELETE|CREATE|TABLE|FROM|WHERE|INTO|VALUES|RETURNING|NOT|NULL|PRIMARY|KEY)\b/;
  function highlight(text) {
    const out = document.createDocumentFragment();
    const token = new RegExp('(//[^\\n]*|#(?![\\[!])[^\\n]*|--[^\\n]*)|("(?:[^"\\\\]|\\\\.)*")|' + KEYWORDS.source + '|(\\b\\d+(?:\\.\\d+)*\\b)', 'g');
    let last = 0; let m;
    while ((m = token.exec(text)) !== null) {
      if (m.index > last) out.append(text.slice(last, m.index));
      out.append(el('span', { className: m[1] ? 'com' : m[2] ? 'str' : m[3] ? 'kw' : 'num', textContent: m[0] }));
      last = token.lastIndex;
    }
    out.append(text.slice(last));
    return out;
  }

  async function showPreview(selected) {
    const res = await postProject('/api/projects/preview', 'Generating the preview…');
    if (!res) return;
    preview = await res.json();
    const paths = Object.keys(preview.files);
    $('file-tree').replaceChildren(fileTree(paths));
    $('files-summary').textContent = preview.name + ': ' + paths.length + ' files — ' + preview.summary + '.';
    $('files-notes').replaceChildren(...preview.notes.map((n) => el('li', {}, ...inline(n))));
    $('files').hidden = false;
    $('files-stale').hidden = true;
    const first = paths.includes(selected) ? selected
      : paths.find((p) => p.endsWith('/' + preview.resource + '.rs')) || paths.find((p) => p === 'src/main.rs') || paths[0];
    showFile(first);
    say('gen-status', 'Preview below: ' + paths.length + ' files.');
  }

  // The files as a tree: a folder is a <details> (open to start with), a file a button that shows it, with its
  // own copy and download buttons.
  function fileTree(paths) {
    const root = { dirs: {}, files: [] };
    for (const p of paths) {
      const parts = p.split('/');
      let node = root;
      for (const d of parts.slice(0, -1)) node = node.dirs[d] = node.dirs[d] || { dirs: {}, files: [] };
      node.files.push(p);
    }
    const draw = (node) => {
      const ul = el('ul', { className: 'tree-list' });
      for (const [name, sub] of Object.entries(node.dirs).sort()) {
        const det = el('details', { open: true }, el('summary', { textContent: name + '/' }), draw(sub));
        ul.append(el('li', { className: 'dir' }, det));
      }
      for (const p of node.files) {
        const name = p.split('/').pop();
        const open = el('button', { type: 'button', className: 'file', textContent: name });
        open.dataset.path = p;
        open.addEventListener('click', () => { showFile(p); writeUrl(); });
        const copy = el('button', { type: 'button', className: 'icon copy', textContent: 'Copy', title: 'Copy ' + p });
        copy.setAttribute('aria-label', 'Copy ' + p);
        copy.dataset.path = p;
        copy.addEventListener('click', () => copyFile(p));
        const save = el('button', { type: 'button', className: 'icon save', textContent: 'Save', title: 'Download ' + p });
        save.setAttribute('aria-label', 'Save ' + p + ' (download)');
        save.dataset.path = p;
        save.addEventListener('click', () => saveFile(p));
        ul.append(el('li', { className: 'file-row' }, open, el('span', { className: 'file-actions' }, copy, save)));
      }
      return ul;
    };
    return draw(root);
  }

  function showFile(path) {
    for (const b of $('file-tree').querySelectorAll('button.file')) {
      const on = b.dataset.path === path;
      b.classList.toggle('selected', on);
      if (on) b.setAttribute('aria-current', 'true'); else b.removeAttribute('aria-current');
    }
    $('file-view').replaceChildren(highlight(preview.files[path]));
    $('file-view').dataset.path = path;
    $('file-path').textContent = path;
  }

  async function copyFile(path) {
    const content = preview.files[path];
    try {
      await navigator.clipboard.writeText(content);
    } catch (e) {
      // Without the clipboard permission (an http page on another host), a selected textarea still copies.
      const t = el('textarea', { value: content });
      document.body.append(t);
      t.select();
      const ok = document.execCommand('copy');
      t.remove();
      if (!ok) { say('gen-status', 'The browser refused to copy ' + path, true); return; }
    }
    say('gen-status', 'Copied ' + path + ' (' + content.length + ' characters).');
  }

  function saveFile(path) {
    deliver(new Blob([preview.files[path]], { type: 'text/plain' }), path.split('/').pop());
    say('gen-status', 'Downloaded ' + path + '.');
  }

  function deliver(blob, name) {
    const a = el('a', { href: URL.createObjectURL(blob), download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  async function download() {
    const res = await postProject('/api/projects', 'Generating the zip…');
    if (!res) return;
    const blob = await res.blob();
    const name = ($('name').value.trim() || 'project') + '.zip';
    deliver(blob, name);
    say('gen-status', 'Downloaded ' + name + ' (' + blob.size + ' bytes).');
  }

  // The package another specialist takes over, made on the server from the project this form would generate.
  async function handoff() {
    const to = $('handoff-to').value;
    const res = await postProject('/api/handoffs?to=' + encodeURIComponent(to), 'Making the ' + to + ' package…');
    if (!res) return;
    const blob = await res.blob();
    const name = ($('name').value.trim() || 'project') + '-' + to + '.zip';
    deliver(blob, name);
    say('gen-status', 'Downloaded ' + name + ' (' + blob.size + ' bytes; read HANDOFF.md first).');
  }

  // --- the audit ---------------------------------------------------------------------------------------------
  const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'];
  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : (many || one + 's')); }

  async function audit() {
    const file = $('audit-file').files[0];
    if (!file) { say('audit-status', 'Choose an archive first.', true); return; }
    say('audit-status', 'Auditing ' + file.name + '…');
    let res, json;
    try {
      res = await fetch('/api/audit?lines=true&limit=500', { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: file });
      json = await res.json();
    } catch (e) {
      say('audit-status', 'The server did not answer: ' + e.message, true);
      return;
    }
    if (!res.ok) { say('audit-status', problem(json), true); return; }
    say('audit-status', '');
    const s = json.summary;
    $('audit-summary').textContent = file.name + ': ' + plural(s.files, 'file') + ', ' + plural(s.lines, 'line') + ', '
      + plural(s.findings, 'finding') + (s.parse_error_files ? ', ' + plural(s.parse_error_files, 'file') + ' not parsed' : '')
      + (json.truncated ? ' (the first ' + json.findings.length + ' shown)' : '') + '.';
    const bySeverity = Object.entries(s.by_severity)
      .sort((a, b) => SEVERITIES.indexOf(a[0]) - SEVERITIES.indexOf(b[0]));
    $('audit-severities').replaceChildren(...bySeverity.map(([sev, n]) => el('li', { className: 'badge sev-' + sev, textContent: n + ' ' + sev })));
    $('audit-rules').replaceChildren(...Object.entries(s.by_rule).map(([rule, n]) => el('li', { className: 'badge', textContent: rule + ' × ' + n })));
    $('audit-escalations').replaceChildren(
      ...json.escalations.map((e) => el('li', {}, 'Escalate to ', el('strong', { textContent: e.to }), ': ' + e.id + ' (' + plural(e.findings, 'finding')
        + ', first at ' + e.first + ')')),
      ...json.handoffs.map((h) => el('li', {}, 'Hand off to ', el('strong', { textContent: h.to || String(h) }))));
    $('findings').replaceChildren(...json.findings.map((f) => {
      const li = el('li', { className: 'finding' },
        el('span', { className: 'badge sev-' + f.severity, textContent: f.severity }), ' ',
        el('code', { className: 'where', textContent: f.file + ':' + f.line + ':' + f.column }), ' ',
        el('span', { className: 'rule', textContent: f.rule }),
        el('p', { className: 'message' }, ...inline(f.message)));
      if (f.code !== undefined) li.append(el('pre', { className: 'snippet', textContent: f.code }));
      return li;
    }));
    $('audit-result').hidden = false;
  }

  // --- sharing -----------------------------------------------------------------------------------------------
  async function share() {
    writeUrl();
    const box = $('share-box');
    const open = box.hidden;
    box.hidden = !open;
    $('share').setAttribute('aria-expanded', String(open));
    if (!open) return;
    $('share-url').select();
    try {
      await navigator.clipboard.writeText(location.href);
      say('share-status', 'Copied: this link opens the same advice and project.');
    } catch (e) {
      say('share-status', 'Copy the link above: it opens the same advice and project.');
    }
  }

  // --- wiring ------------------------------------------------------------------------------------------------
  async function start() {
    await loadMetadata();
    if (narrow.matches) $('options').open = false;
    const want = applyFragment();
    drawOptionsSummary();
    $('share-url').value = location.href;
    await advise();
    if (want.files) await showPreview(want.file);
  }

  $('form').addEventListener('submit', (e) => {
    e.preventDefault();
    // On a phone the project part folds away so the advice comes into view under the brief.
    if (narrow.matches) $('options').open = false;
    changed(true);
  });
  $('brief').addEventListener('input', () => changed(false));
  $('brief').addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) $('form').requestSubmit(); });
  for (const id of ['kind', 'database']) $(id).addEventListener('change', () => changed(true));
  for (const id of ['web', 'name', 'resource']) {
    $(id).addEventListener('input', () => { saveSoon(); if (advice && id === 'web') render(advice, readState()); });
  }
  $('files-refresh').addEventListener('click', () => showPreview($('file-view').dataset.path).then(writeUrl));
  $('brief-more').addEventListener('change', () => changed(true));
  $('brief-more').addEventListener('input', (e) => { if (e.target.type === 'number') changed(false); });
  $('force-rust').addEventListener('change', () => { say('gen-status', ''); changed(true); });
  $('clear').addEventListener('click', () => {
    history.replaceState(null, '', location.pathname);
    preview = null;
    $('files').hidden = true;
    applyFragment();
    drawOptionsSummary();
    changed(true);
    $('brief').focus();
  });
  $('preview').addEventListener('click', async () => {
    await showPreview();
    writeUrl();
    if (preview && !$('files').hidden) $('files').scrollIntoView({ block: 'start' });
  });
  for (const b of document.querySelectorAll('button.example')) {
    b.addEventListener('click', () => { $('brief').value = b.textContent; changed(true); });
  }
  $('download').addEventListener('click', download);
  $('handoff').addEventListener('click', handoff);
  $('audit-run').addEventListener('click', audit);
  $('share').addEventListener('click', share);
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !$('share-box').hidden) { $('share-box').hidden = true; $('share').setAttribute('aria-expanded', 'false'); $('share').focus(); }
  });
  // A link pasted into this tab's address bar (only the fragment differs) loads its state too.
  window.addEventListener('hashchange', async () => {
    const want = applyFragment();
    drawOptionsSummary();
    await advise();
    if (want.files) await showPreview(want.file);
  });
  start();
})();
