// The page: every change to the brief asks POST /api/advise and redraws the advice. Plain JS, no build step,
// nothing fetched from a CDN.
(function () {
  const $ = (id) => document.getElementById(id);
  const TITLES = {
    'invoke': "Invoke / Don't invoke", 'choose-rust': 'When to Choose Rust?', 'web-framework': 'Web Framework Decision',
    'async-runtime': 'Async Runtime Decision', 'ffi': 'FFI vs Pure Rust'
  };
  let timer = null;
  let seq = 0;

  function text(el, s) { el.textContent = s; return el; }
  function li(list, s) { list.appendChild(text(document.createElement('li'), s)); }

  async function loadFields() {
    const meta = await (await fetch('/api/metadata')).json();
    const form = $('fields');
    for (const f of meta.brief) {
      if (f.name === 'text') continue;
      const label = text(document.createElement('label'), f.name);
      label.htmlFor = 'f-' + f.name;
      label.title = f.description;
      let input;
      if (f.type === 'boolean' || f.type === 'enum') {
        input = document.createElement('select');
        const opts = f.type === 'boolean' ? ['', 'true', 'false'] : [''].concat(f.values);
        for (const v of opts) {
          const o = document.createElement('option');
          o.value = v; o.textContent = v === '' ? '(from the text)' : v;
          input.appendChild(o);
        }
      } else {
        input = document.createElement('input');
        input.type = f.type === 'integer' ? 'number' : 'text';
        if (f.type === 'set') input.placeholder = f.values.join(',');
      }
      input.id = 'f-' + f.name;
      input.name = f.name;
      input.title = f.description;
      input.addEventListener('input', schedule);
      input.addEventListener('change', schedule);
      form.appendChild(label);
      form.appendChild(input);
    }
    projectOptions(meta);
    for (const who of meta.handoff_to || []) {
      const o = document.createElement('option');
      o.value = who; o.textContent = who;
      $('handoff-to').appendChild(o);
    }
  }

  // The generator's choices come from /api/metadata, so the form offers exactly what the server's template sets
  // offer (and CI proves); an empty choice leaves it to the brief.
  function projectOptions(meta) {
    const before = $('p-resource').previousElementSibling;
    for (const opt of meta.project) {
      if (!['project_kind', 'web', 'db', 'db_layer', 'with'].includes(opt.name) || !opt.values) continue;
      const label = text(document.createElement('label'), opt.name.replace('project_', ''));
      label.htmlFor = 'p-' + opt.name;
      label.title = opt.description;
      const select = document.createElement('select');
      select.id = 'p-' + opt.name;
      select.name = opt.name;
      select.title = opt.description;
      for (const v of [''].concat(opt.values)) {
        const o = document.createElement('option');
        o.value = v; o.textContent = v === '' ? '(from the brief' + (opt.default ? ', else ' + opt.default : '') + ')' : v;
        select.appendChild(o);
      }
      $('project').insertBefore(label, before);
      $('project').insertBefore(select, before);
    }
  }

  function briefBody() {
    const body = {};
    const t = $('brief').value.trim();
    if (t) body.text = t;
    for (const el of $('fields').elements) {
      const v = el.value.trim();
      if (!v) continue;
      if (el.tagName === 'SELECT' && (v === 'true' || v === 'false')) body[el.name] = v === 'true';
      else if (el.type === 'number') body[el.name] = Number(v);
      else if (el.placeholder && el.placeholder.includes(',')) body[el.name] = v.split(',').map((x) => x.trim()).filter(Boolean);
      else body[el.name] = v;
    }
    return body;
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(advise, 250);
  }

  async function advise() {
    const body = briefBody();
    if (Object.keys(body).length === 0) { $('status').textContent = ''; return; }
    const mine = ++seq;
    const res = await fetch('/api/advise', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    });
    const json = await res.json();
    if (mine !== seq) return; // a newer request is on its way
    if (!res.ok) { $('status').textContent = json.detail || json.title; return; }
    $('status').textContent = '';
    render(json);
  }

  // Draws one decision path the way the spec draws its trees.
  function drawPath(d) {
    const lines = [];
    let indent = '';
    d.path.forEach((step, i) => {
      if (i === 0) lines.push(step.question);
      lines.push(indent + '│');
      const next = i + 1 < d.path.length ? d.path[i + 1].question : ('**' + d.outcome + '** ✓');
      const head = '└─ ' + step.answer + (step.assumed ? ' (assumed)' : '') + ' → ';
      lines.push(indent + head + next);
      indent += ' '.repeat(head.length);
    });
    lines.push(indent + '(' + d.rationale + ')');
    return lines.join('\n');
  }

  function render(a) {
    const verdict = $('verdict');
    verdict.className = 'verdict' + (a.invoke ? '' : ' away');
    verdict.textContent = a.invoke ? 'rust-engineer takes this task (' + a.languages.join(', ') + ')'
      : 'This goes to ' + a.route + (a.languages.length ? ' (' + a.languages.join(', ') + ')' : '') + ', not to rust-engineer';
    $('stack').textContent = Object.entries(a.stack).map(([k, v]) => k + ': ' + (Array.isArray(v) ? v.join(', ') : v)).join(' · ');
    const decisions = $('decisions');
    decisions.replaceChildren();
    for (const d of a.decisions) {
      const div = document.createElement('div');
      div.className = 'decision';
      div.appendChild(text(document.createElement('h4'), TITLES[d.framework] || d.framework));
      const pre = text(document.createElement('pre'), drawPath(d));
      pre.className = 'tree';
      pre.dataset.framework = d.framework;
      div.appendChild(pre);
      for (const adv of (d.advisories || [])) {
        const p = text(document.createElement('p'), 'Advisory: ' + adv);
        p.className = 'advisory';
        div.appendChild(p);
      }
      decisions.appendChild(div);
    }
    const esc = $('escalations'); esc.replaceChildren();
    a.escalations.forEach((e) => li(esc, e.id + ' → ' + e.to + ': ' + e.reason + (e.evidence.length ? ' [' + e.evidence.join('; ') + ']' : '')));
    if (!a.escalations.length) li(esc, 'none');
    const hand = $('handoffs'); hand.replaceChildren();
    a.handoffs.forEach((h) => li(hand, h.to + ': ' + h.why + ' — ' + h.artifacts.join('; ')));
    if (!a.handoffs.length) li(hand, 'none');
    const tbody = $('evidence').querySelector('tbody'); tbody.replaceChildren();
    for (const [k, v] of Object.entries(a.brief.fields)) {
      const tr = document.createElement('tr');
      const ev = a.brief.evidence[k] || {};
      [k, Array.isArray(v) ? v.join(', ') : String(v), (ev.source || '') + (ev.words ? ': ' + ev.words : '') + (ev.rule ? ' (' + ev.rule + ')' : '')]
        .forEach((c) => tr.appendChild(text(document.createElement('td'), c)));
      tbody.appendChild(tr);
    }
    const q = $('questions'); q.replaceChildren(); a.questions.forEach((s) => li(q, s));
    const n = $('notes'); n.replaceChildren(); a.notes.forEach((s) => li(n, s));
  }

  // --- generating -------------------------------------------------------------------------------------
  function projectBody() {
    const body = briefBody();
    // The API takes `with` as a list of features (comma-separated in the form); every other field is one value.
    for (const el of $('project').elements) {
      const v = el.value.trim();
      if (v) body[el.name] = el.name === 'with' ? v.split(',').map((w) => w.trim()).filter(Boolean) : v;
    }
    return body;
  }

  async function postProject(path) {
    const res = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(projectBody()) });
    if (!res.ok) {
      const err = await res.json().catch(() => ({ detail: res.statusText }));
      $('gen-status').textContent = err.detail || err.title;
      return null;
    }
    $('gen-status').textContent = '';
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
      if (m.index > last) out.appendChild(document.createTextNode(text.slice(last, m.index)));
      const span = document.createElement('span');
      span.className = m[1] ? 'com' : m[2] ? 'str' : m[3] ? 'kw' : 'num';
      span.textContent = m[0];
      out.appendChild(span);
      last = token.lastIndex;
    }
    out.appendChild(document.createTextNode(text.slice(last)));
    return out;
  }

  async function preview() {
    const res = await postProject('/api/projects/preview');
    if (!res) return;
    const p = await res.json();
    const tree = $('file-tree'); tree.replaceChildren();
    const show = (path, li) => {
      for (const x of tree.children) x.classList.remove('selected');
      li.classList.add('selected');
      $('file-view').replaceChildren(highlight(p.files[path]));
      $('file-view').dataset.path = path;
    };
    Object.keys(p.files).forEach((path, i) => {
      const li = text(document.createElement('li'), path);
      li.addEventListener('click', () => show(path, li));
      tree.appendChild(li);
      if (i === 0 || path.endsWith('/' + p.resource + '.rs')) show(path, li);
    });
    $('files-section').hidden = false;
    $('gen-status').textContent = p.name + ': ' + Object.keys(p.files).length + ' files (' + p.summary + ')'
      + (p.notes.length ? ' — ' + p.notes.join(' ') : '');
  }

  async function download() {
    const res = await postProject('/api/projects');
    if (!res) return;
    const blob = await res.blob();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = ($('p-name').value.trim() || 'project') + '.zip';
    document.body.appendChild(a);
    a.click();
    a.remove();
    $('gen-status').textContent = 'Downloaded ' + a.download + ' (' + blob.size + ' bytes)';
  }

  // The package another specialist takes over, made on the server from the project this form would generate.
  async function handoff() {
    const to = $('handoff-to').value;
    $('gen-status').textContent = 'Making the ' + to + ' package…';
    const res = await postProject('/api/handoffs?to=' + encodeURIComponent(to));
    if (!res) return;
    const blob = await res.blob();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = ($('p-name').value.trim() || 'project') + '-' + to + '.zip';
    document.body.appendChild(a);
    a.click();
    a.remove();
    $('gen-status').textContent = 'Downloaded ' + a.download + ' (' + blob.size + ' bytes; read HANDOFF.md first)';
  }

  async function audit() {
    const file = $('audit-file').files[0];
    if (!file) { $('audit-status').textContent = 'Choose an archive first.'; return; }
    $('audit-status').textContent = 'Auditing ' + file.name + '…';
    const res = await fetch('/api/audit?lines=true&limit=500', { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: file });
    const json = await res.json();
    if (!res.ok) { $('audit-status').textContent = json.detail || json.title; return; }
    const s = json.summary;
    $('audit-status').textContent = '';
    $('audit-summary').textContent = s.files + ' files, ' + s.lines + ' lines, ' + s.findings + ' findings '
      + JSON.stringify(s.by_severity) + (json.escalations.length ? '; escalate to oracle: ' + json.escalations.map((e) => e.id).join(', ') : '')
      + (json.handoffs.length ? '; hand off to: ' + json.handoffs.map((h) => h.to).join(', ') : '');
    const tbody = $('findings').querySelector('tbody');
    tbody.replaceChildren();
    for (const f of json.findings) {
      const tr = document.createElement('tr');
      const sev = text(document.createElement('td'), f.severity);
      sev.className = 'sev-' + f.severity;
      tr.appendChild(sev);
      tr.appendChild(text(document.createElement('td'), f.file + ':' + f.line + ':' + f.column));
      tr.appendChild(text(document.createElement('td'), f.rule));
      const msg = text(document.createElement('td'), f.message);
      if (f.code !== undefined) msg.appendChild(text(document.createElement('code'), f.code));
      tr.appendChild(msg);
      tbody.appendChild(tr);
    }
    $('audit-section').hidden = false;
  }

  $('audit').addEventListener('click', audit);
  $('preview').addEventListener('click', preview);
  $('download').addEventListener('click', download);
  $('handoff').addEventListener('click', handoff);
  $('brief').addEventListener('input', schedule);
  loadFields().then(() => { if ($('brief').value.trim()) advise(); });
})();
