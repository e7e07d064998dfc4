// plancheck serve: the page. No framework, no network beyond this server.
'use strict';

const T = {
  vi: {
    title: 'Kiểm tra văn bản hành chính',
    drop: 'Kéo và thả văn bản vào đây',
    formats: 'Tệp .docx, .pdf, .txt, .md, .html (hoặc .doc, .rtf, .odt); văn bản được kiểm tra trên máy chủ này và không được lưu lại.',
    choose: 'Chọn tệp…',
    checking: 'Đang kiểm tra {name}…',
    failed: 'Không kiểm tra được: {msg}',
    network: 'không kết nối được máy chủ plancheck',
    download: 'Tải về:',
    dl_docx: 'Tệp Word có nhận xét',
    dl_html: 'Báo cáo HTML',
    dl_json: 'JSON',
    tab_doc: 'Văn bản và phát hiện',
    tab_outline: 'Cấu trúc văn bản',
    severity: 'Mức độ',
    sev_error: 'Lỗi',
    sev_warning: 'Cảnh báo',
    sev_info: 'Lưu ý',
    category: 'Nhóm lỗi',
    all_categories: 'Tất cả các nhóm',
    no_findings: 'Không có phát hiện nào theo bộ lọc đang chọn.',
    summary: '{errors} lỗi, {warnings} cảnh báo, {infos} lưu ý',
    clean: 'Không có phát hiện nào.',
    line: 'dòng {n}',
    paragraph: 'đoạn {n}',
    page: 'trang {n}',
    message: 'Nội dung',
    rule: 'Quy tắc',
    legal_basis: 'Căn cứ',
    fix: 'Đề nghị sửa',
    fix_delete: '(xoá đoạn này)',
    position: 'Vị trí',
    excerpt: 'Trích đoạn',
    not_in_text: 'Phát hiện không gắn với dòng nào của văn bản',
    kind: 'Loại văn bản',
    doc_class: 'Nhóm',
    draft: 'Dự thảo',
    yes: 'có',
    no: 'không',
    evidence: 'Căn cứ xác định loại',
    header: 'Phần đầu văn bản',
    field: 'Thành phần',
    value: 'Nội dung',
    not_found: '(không thấy)',
    f_agency: 'Cơ quan ban hành', f_national_title: 'Quốc hiệu', f_motto: 'Tiêu ngữ', f_number: 'Số, ký hiệu',
    f_place_date: 'Địa danh, ngày tháng', f_type: 'Tên loại', f_title: 'Trích yếu', f_subject: 'Trích yếu (V/v)',
    f_addressee: 'Kính gửi', f_authority: 'Thẩm quyền ban hành', f_attachment_note: 'Kèm theo', f_draft_mark: 'Dấu dự thảo',
    rulesets: 'Bộ quy tắc áp dụng',
    ruleset: 'Bộ quy tắc', applies: 'Áp dụng', why: 'Lý do',
    coverage: 'Mức độ bao quát Quyết định 1676/QĐ-TTg',
    coverage_none: 'Không có bộ quy tắc nào có danh mục nội dung cần bao quát áp dụng cho văn bản này.',
    group: 'Nhóm', item: 'Nội dung', where: 'Ở đâu', not_addressed: 'CHƯA ĐỀ CẬP',
    coverage_total: 'Chưa đề cập: {n}/{total}',
    citations: 'Văn bản được viện dẫn',
    citations_none: 'Không tìm thấy trích dẫn văn bản nào.',
    cited: 'Văn bản', in_bases: 'Trong phần căn cứ', registry: 'Danh mục',
    reg_unknown: 'chưa có trong danh mục', reg_known: 'đã biết', replaced_by: 'được thay thế bởi {id}',
    sections: 'Các phần',
    unreadable: 'Không đọc được văn bản; xem phát hiện ở bên.',
    footer: 'plancheck — kiểm tra theo Nghị định 30/2020/NĐ-CP, Quyết định 1676/QĐ-TTg, Nghị quyết 28-NQ/TW.',
  },
  en: {
    title: 'Administrative document checker',
    drop: 'Drop a document here',
    formats: 'A .docx, .pdf, .txt, .md or .html file (or .doc, .rtf, .odt); it is checked on this server and not stored.',
    choose: 'Choose a file…',
    checking: 'Checking {name}…',
    failed: 'Could not check it: {msg}',
    network: 'cannot reach the plancheck server',
    download: 'Download:',
    dl_docx: 'Word file with comments',
    dl_html: 'HTML report',
    dl_json: 'JSON',
    tab_doc: 'Document and findings',
    tab_outline: 'Outline',
    severity: 'Severity',
    sev_error: 'Error',
    sev_warning: 'Warning',
    sev_info: 'Note',
    category: 'Category',
    all_categories: 'All categories',
    no_findings: 'No findings match the filters.',
    summary: '{errors} errors, {warnings} warnings, {infos} notes',
    clean: 'No findings.',
    line: 'line {n}',
    paragraph: 'paragraph {n}',
    page: 'page {n}',
    message: 'Message',
    rule: 'Rule',
    legal_basis: 'Legal basis',
    fix: 'Suggested correction',
    fix_delete: '(delete this)',
    position: 'Position',
    excerpt: 'Excerpt',
    not_in_text: 'Findings not tied to a line of the text',
    kind: 'Kind',
    doc_class: 'Class',
    draft: 'Draft',
    yes: 'yes',
    no: 'no',
    evidence: 'Why this kind',
    header: 'Header',
    field: 'Field',
    value: 'Value',
    not_found: '(not found)',
    f_agency: 'Issuing agency', f_national_title: 'National title', f_motto: 'Motto', f_number: 'Number and symbol',
    f_place_date: 'Place and date', f_type: 'Type', f_title: 'Title', f_subject: 'Subject (V/v)',
    f_addressee: 'Addressee', f_authority: 'Issuing authority', f_attachment_note: 'Issued with', f_draft_mark: 'Draft mark',
    rulesets: 'Rule sets',
    ruleset: 'Rule set', applies: 'Applies', why: 'Why',
    coverage: 'Coverage of Decision 1676/QĐ-TTg',
    coverage_none: 'No rule set with coverage items applies to this document.',
    group: 'Group', item: 'Item', where: 'Where', not_addressed: 'NOT ADDRESSED',
    coverage_total: 'Not addressed: {n}/{total}',
    citations: 'Cited documents',
    citations_none: 'No citations found.',
    cited: 'Document', in_bases: 'In the legal bases', registry: 'Registry',
    reg_unknown: 'unknown', reg_known: 'known', replaced_by: 'replaced by {id}',
    sections: 'Sections',
    unreadable: 'The document could not be read; see the finding beside.',
    footer: 'plancheck — checks against Decree 30/2020/NĐ-CP, Decision 1676/QĐ-TTg, Resolution 28-NQ/TW.',
  },
};

const state = {
  lang: 'vi', info: null, file: null, data: null, check: null, diags: [], current: -1,
};

const $ = (id) => document.getElementById(id);
function t(key, vars) {
  let s = (T[state.lang] && T[state.lang][key]) || T.vi[key] || key;
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.split('{' + k + '}').join(String(v));
  return s;
}
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  if (attrs) for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  return e;
}

function applyLang() {
  document.documentElement.lang = state.lang;
  for (const e of document.querySelectorAll('[data-t]')) e.textContent = t(e.dataset.t);
  for (const b of document.querySelectorAll('.langs button')) b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang));
  document.title = 'plancheck — ' + t('title');
}

function setLang(lang) {
  if (lang !== 'vi' && lang !== 'en') return;
  state.lang = lang;
  const url = new URL(location.href);
  if (lang === 'vi') url.searchParams.delete('lang'); else url.searchParams.set('lang', lang);
  history.replaceState(null, '', url);
  applyLang();
  // Messages come from the server in the chosen language: check again.
  if (state.file) check(state.file);
}

function status(text, isError) {
  const s = $('status');
  s.textContent = text || '';
  s.classList.toggle('error', !!isError);
}

async function errorMessage(res) {
  try {
    const j = await res.json();
    if (j && j.error && j.error.message) return j.error.message;
  } catch (e) { /* not JSON */ }
  return 'HTTP ' + res.status;
}

async function check(file) {
  state.file = file;
  document.body.dataset.ready = 'false';
  status(t('checking', { name: file.name }));
  document.body.classList.add('busy');
  const form = new FormData();
  form.append('file', file, file.name);
  let res;
  try {
    res = await fetch('api/analyze?lang=' + state.lang, { method: 'POST', body: form });
  } catch (e) {
    status(t('failed', { msg: t('network') }), true);
    document.body.classList.remove('busy');
    return;
  }
  document.body.classList.remove('busy');
  if (!res.ok) {
    status(t('failed', { msg: await errorMessage(res) }), true);
    return;
  }
  const data = await res.json();
  state.data = data;
  state.check = JSON.parse(data.check_json);
  const f = state.check.files[0] || { diagnostics: [] };
  state.diags = f.diagnostics.map((d, i) => Object.assign({ index: i }, d));
  state.current = -1;
  status('');
  render();
  document.body.dataset.ready = 'true';
}

// ---- document view ----

function cps(s) { return Array.from(s); }

// The part of each line a finding covers: [{line, from, to}] in code points
// of that line's text (to exclusive); an empty range marks a point.
function spans(d, lineMap) {
  const out = [];
  for (let n = d.line; n <= d.end_line; n++) {
    for (const [k, seg] of (lineMap.get(n) || []).entries()) {
      const len = seg.cps.length;
      let from = n === d.line ? d.column - seg.column : 0;
      let to = n === d.end_line ? d.end_column - seg.column : len;
      // A range that starts before this part begins or ends after it.
      if (to < 0 || from > len) continue;
      from = Math.max(0, Math.min(len, from));
      to = Math.max(from, Math.min(len, to));
      if (to === from && n === d.line && d.end_line === d.line && d.end_column > d.column) continue;
      out.push({ line: n, seg: k, from, to });
      if (to === from) break; // a point is shown once
    }
  }
  return out;
}

function visible(d) {
  const sev = new Set([...document.querySelectorAll('input[name=sev]:checked')].map((i) => i.value));
  const cat = $('category').value;
  return sev.has(d.severity) && (!cat || d.category === cat);
}

function sevRank(s) { return s === 'error' ? 3 : s === 'warning' ? 2 : 1; }

function renderDocument() {
  const doc = $('document');
  doc.textContent = '';
  const lines = state.data.lines || [];
  // Each line holds one part or more (a .docx paragraph split at a tab), each at its column.
  const lineMap = new Map();
  for (const l of lines) {
    if (!lineMap.has(l.line)) lineMap.set(l.line, []);
    lineMap.get(l.line).push({ column: l.column || 1, text: l.text, cps: cps(l.text) });
  }
  const marks = new Map(); // "line/part" -> [{from, to, index, severity}]
  for (const d of state.diags) {
    if (!visible(d)) continue;
    for (const s of spans(d, lineMap)) {
      const key = s.line + '/' + s.seg;
      if (!marks.has(key)) marks.set(key, []);
      marks.get(key).push({ from: s.from, to: s.to, index: d.index, severity: d.severity });
    }
  }
  const frag = document.createDocumentFragment();
  for (const [n, segs] of lineMap) {
    const tx = el('span', { class: 'tx' });
    const row = el('div', { class: 'ln', id: 'L' + n, 'data-line': n },
      el('span', { class: 'no', text: String(n) }), tx);
    segs.forEach((seg, k) => {
      if (k > 0) tx.append(el('span', { class: 'gap', text: '   ' }));
      const ms = marks.get(n + '/' + k) || [];
      const points = ms.filter((m) => m.to === m.from);
      const ranges = ms.filter((m) => m.to > m.from);
      // Cut the part at every range boundary; each piece is covered by a set
      // of findings. A point (an empty range: something missing) is a small
      // mark at its column.
      const cuts = new Set([0, seg.cps.length]);
      for (const m of ms) { cuts.add(m.from); cuts.add(m.to); }
      const bounds = [...cuts].sort((a, b) => a - b);
      const pointsAt = (a) => {
        for (const p of points.filter((x) => x.from === a)) {
          row.classList.add('has-point');
          tx.append(el('mark', { class: 'point sev-' + p.severity, 'data-ids': String(p.index), title: t('sev_' + p.severity) }));
        }
      };
      for (let j = 0; j + 1 < bounds.length; j++) {
        const a = bounds[j], b = bounds[j + 1];
        pointsAt(a);
        const text = seg.cps.slice(a, b).join('');
        const cover = ranges.filter((m) => m.from <= a && m.to >= b);
        if (!cover.length) { tx.append(text); continue; }
        const worst = cover.reduce((w, m) => (sevRank(m.severity) > sevRank(w.severity) ? m : w));
        tx.append(el('mark', { class: 'sev-' + worst.severity, 'data-ids': cover.map((m) => m.index).join(' '), text }));
      }
      pointsAt(seg.cps.length);
    });
    frag.append(row);
  }
  doc.append(frag);
}

function where(d) {
  const fmt = state.data.format;
  const unit = fmt === 'docx' ? 'paragraph' : 'line';
  let s = t(unit, { n: d.line }) + ':' + d.column;
  if (d.page) s += ' · ' + t('page', { n: d.page });
  return s;
}

function renderFindings() {
  const list = $('findings');
  list.textContent = '';
  let shown = 0;
  for (const d of state.diags) {
    if (!visible(d)) continue;
    shown++;
    const li = el('li', { 'data-index': d.index, tabindex: '0', class: d.index === state.current ? 'current' : null },
      el('span', { class: 'sev ' + d.severity, text: t('sev_' + d.severity) }),
      el('span', { class: 'where', text: where(d) }), ' ',
      el('span', { class: 'msg', text: d.message }));
    list.append(li);
  }
  $('no-findings').hidden = shown > 0;
}

function showDetail(i, scroll) {
  state.current = i;
  const d = state.diags[i];
  const box = $('detail');
  box.textContent = '';
  if (!d) { box.hidden = true; return; }
  box.hidden = false;
  const dl = el('dl', null,
    el('dt', { text: t('severity') }), el('dd', null, el('span', { class: 'sev ' + d.severity, text: t('sev_' + d.severity) })),
    el('dt', { text: t('position') }), el('dd', { text: where(d) }),
    el('dt', { text: t('legal_basis') }), el('dd', { text: d.legal_basis || '—' }),
    el('dt', { text: t('rule') }), el('dd', { text: d.rule + ' (' + d.category + ')' }));
  if (d.fix) {
    dl.append(el('dt', { text: t('fix') }),
      el('dd', null, d.fix.replacement ? el('span', { class: 'fix', text: d.fix.replacement }) : t('fix_delete')));
  }
  if (d.excerpt) dl.append(el('dt', { text: t('excerpt') }), el('dd', { text: d.excerpt }));
  box.append(el('h3', { text: d.message }), dl);
  for (const m of document.querySelectorAll('mark.current')) m.classList.remove('current');
  let first = null;
  for (const m of document.querySelectorAll('mark[data-ids]')) {
    if (m.dataset.ids.split(' ').includes(String(i))) { m.classList.add('current'); if (!first) first = m; }
  }
  for (const li of document.querySelectorAll('#findings li')) li.classList.toggle('current', li.dataset.index === String(i));
  if (scroll && first) first.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

function renderFilters() {
  const counts = { error: 0, warning: 0, info: 0 };
  const cats = new Map();
  for (const d of state.diags) {
    counts[d.severity] = (counts[d.severity] || 0) + 1;
    cats.set(d.category, (cats.get(d.category) || 0) + 1);
  }
  for (const s of ['error', 'warning', 'info']) $('n-' + s).textContent = '(' + counts[s] + ')';
  const sel = $('category');
  const keep = sel.value;
  sel.textContent = '';
  sel.append(el('option', { value: '', text: t('all_categories') }));
  for (const [c, n] of [...cats].sort()) sel.append(el('option', { value: c, text: c + ' (' + n + ')' }));
  sel.value = cats.has(keep) ? keep : '';
  const sum = state.check.summary || {};
  $('summary').textContent = state.diags.length
    ? t('summary', { errors: sum.errors || 0, warnings: sum.warnings || 0, infos: sum.infos || 0 })
    : t('clean');
}

// ---- outline view ----

function table(head, rows) {
  return el('table', null, el('thead', null, el('tr', null, ...head.map((h) => el('th', { text: h })))),
    el('tbody', null, ...rows.map((r) => el('tr', null, ...r.map((c) => (c instanceof Node ? el('td', null, c) :
      el('td', { class: typeof c === 'number' ? 'num' : null, text: c === null || c === undefined ? '' : String(c) })))))));
}

function renderOutline() {
  const v = $('view-outline');
  v.textContent = '';
  const o = state.data.outline;
  if (!o) { v.append(el('p', { text: t('unreadable') })); return; }
  const lineOf = (b) => (b ? b.line : null);
  v.append(el('h3', { text: t('kind') }), table([t('kind'), t('doc_class'), t('draft'), t('evidence')],
    [[o.kind, o.class, o.draft ? t('yes') : t('no'), (o.evidence || []).join('; ')]]));
  const h = o.header || {};
  const rows = [];
  const add = (key, b) => rows.push([t('f_' + key), b ? lineOf(b) : '', b ? b.text : t('not_found')]);
  if (!h.agency || !h.agency.length) add('agency', null); else for (const b of h.agency) add('agency', b);
  for (const k of ['national_title', 'motto', 'number', 'place_date', 'type']) add(k, h[k]);
  if (!h.title || !h.title.length) add('title', null); else for (const b of h.title) add('title', b);
  for (const k of ['subject', 'addressee', 'authority', 'attachment_note', 'draft_mark']) if (h[k]) add(k, h[k]);
  const unit = state.data.format === 'docx' ? t('paragraph', { n: '' }).trim() : t('line', { n: '' }).trim();
  v.append(el('h3', { text: t('header') }), table([t('field'), unit, t('value')], rows));
  v.append(el('h3', { text: t('rulesets') }), table([t('ruleset'), t('applies'), t('why')],
    (o.rulesets || []).map((s) => [s.ruleset, el('span', { class: s.applies ? 'ok' : 'muted', text: s.applies ? '✓ ' + t('yes') : t('no') }), s.why])));
  const cov = state.data.coverage;
  v.append(el('h3', { text: t('coverage') }));
  if (!cov || !cov.items || !cov.items.length) v.append(el('p', { class: 'muted', text: t('coverage_none') }));
  else {
    v.append(table([t('group'), t('item'), t('where')], cov.items.map((it) => [it.group, it.item,
      it.addressed ? el('span', { class: 'ok', text: unit + ' ' + it.line }) : el('span', { class: 'bad', text: t('not_addressed') })])));
    v.append(el('p', { text: t('coverage_total', { n: cov.not_addressed, total: cov.items.length }) }));
  }
  const cit = state.data.citations;
  v.append(el('h3', { text: t('citations') }));
  if (!cit || !cit.citations || !cit.citations.length) v.append(el('p', { class: 'muted', text: t('citations_none') }));
  else {
    v.append(table([unit, t('cited'), t('in_bases'), t('registry')], cit.citations.map((c) => {
      const name = [c.type_written || c.type, c.number ? (c.number + (c.symbol ? '/' + c.symbol : '')) : c.symbol, c.date, c.issuer]
        .filter(Boolean).join(' ');
      let reg = t('reg_unknown');
      if (c.registry) {
        reg = t('reg_known') + ': ' + c.registry.id + ' (' + c.registry.confidence + ')';
        for (const r of c.registry.replaced_by || []) reg += '; ' + t('replaced_by', { id: r.id + (r.effective ? ' ' + r.effective : '') });
      }
      return [c.line, name || c.key, c.in_bases ? t('yes') : t('no'), el('span', { class: c.registry ? 'ok' : 'muted', text: reg })];
    })));
  }
  const secs = (o.sections || []).filter((s) => !['dash', 'plus', 'bullet'].includes(s.kind));
  if (secs.length) {
    v.append(el('h3', { text: t('sections') }), table([unit, t('value')],
      secs.map((s) => [s.line, '\u00a0'.repeat(s.depth * 3) + s.label + ' ' + s.title])));
  }
}

// ---- downloads ----

function save(blob, name) {
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}
function stem() { return state.data.name.replace(/\.[^.]*$/, ''); }

async function downloadDocx() {
  const form = new FormData();
  form.append('file', state.file, state.file.name);
  const res = await fetch('api/annotate?lang=' + state.lang, { method: 'POST', body: form });
  if (!res.ok) { status(t('failed', { msg: await errorMessage(res) }), true); return; }
  save(await res.blob(), stem() + '.checked.docx');
}

function render() {
  $('result').hidden = false;
  $('doc-name').textContent = state.data.name;
  $('dl-docx').hidden = !(state.info && state.info.annotate && state.data.format === 'docx');
  $('dl-html').hidden = !state.data.report_html;
  renderFilters();
  renderFindings();
  renderDocument();
  renderOutline();
  $('detail').hidden = true;
}

function selectTab(name) {
  for (const b of document.querySelectorAll('.tabs button')) b.setAttribute('aria-selected', String(b.dataset.tab === name));
  $('view-doc').hidden = name !== 'doc';
  $('view-outline').hidden = name !== 'outline';
}

function init() {
  const p = new URLSearchParams(location.search).get('lang');
  state.lang = p === 'en' ? 'en' : 'vi';
  applyLang();
  fetch('api/info').then((r) => r.json()).then((info) => {
    state.info = info;
    // A server started with --lang en shows the page in English unless the address says otherwise.
    if (!p && info.lang === 'en' && state.lang !== 'en' && !state.file) { state.lang = 'en'; applyLang(); }
    $('version').textContent = info.version ? 'v' + info.version : '';
    if (state.data) render();
  }).catch(() => {});
  for (const b of document.querySelectorAll('.langs button')) b.addEventListener('click', () => setLang(b.dataset.lang));
  $('file').addEventListener('change', (e) => { if (e.target.files[0]) check(e.target.files[0]); e.target.value = ''; });
  const drop = $('drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files[0]) check(e.dataTransfer.files[0]);
  });
  drop.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); $('file').click(); } });
  for (const i of document.querySelectorAll('input[name=sev]')) i.addEventListener('change', () => { renderFindings(); renderDocument(); });
  $('category').addEventListener('change', () => { renderFindings(); renderDocument(); });
  $('findings').addEventListener('click', (e) => {
    const li = e.target.closest('li');
    if (li) showDetail(Number(li.dataset.index), true);
  });
  $('findings').addEventListener('keydown', (e) => {
    const li = e.target.closest('li');
    if (li && e.key === 'Enter') showDetail(Number(li.dataset.index), true);
  });
  $('document').addEventListener('click', (e) => {
    const m = e.target.closest('mark[data-ids]');
    if (!m) return;
    const ids = m.dataset.ids.split(' ').map(Number);
    // A second click on the same place moves on to the next finding there.
    const k = ids.indexOf(state.current);
    showDetail(ids[(k + 1) % ids.length], false);
    const li = document.querySelector('#findings li[data-index="' + state.current + '"]');
    if (li) li.scrollIntoView({ block: 'nearest' });
  });
  for (const b of document.querySelectorAll('.tabs button')) b.addEventListener('click', () => selectTab(b.dataset.tab));
  $('dl-json').addEventListener('click', () => save(new Blob([state.data.check_json], { type: 'application/json' }), stem() + '.plancheck.json'));
  $('dl-html').addEventListener('click', () => save(new Blob([state.data.report_html], { type: 'text/html' }), stem() + '.plancheck.html'));
  $('dl-docx').addEventListener('click', downloadDocx);
}

document.addEventListener('DOMContentLoaded', init);
