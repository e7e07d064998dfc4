// Browser test of the `plancheck serve` page: Debian's chromium, headless,
// driven by puppeteer-core (ci/browser, pinned by its lockfile). It uploads a
// corpus plan, waits for the findings, and checks that the list and the
// highlighted text match the JSON the API returns for the same file; then
// filters, the detail panel, the outline view and the English page. It saves
// a screenshot as BUILD/serve.png (and as docs/img/serve.png when
// PLANCHECK_UPDATE_SCREENSHOTS=1).
//
// usage: node serve.test.js PLANCHECK_BINARY SOURCE_DIR OUT_DIR
// Exit 77 (ctest: skipped) when chromium or puppeteer-core is not installed.
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const [binary, src, out] = process.argv.slice(2);
const CHROMIUM = process.env.PLANCHECK_CHROMIUM || '/usr/bin/chromium';
const SKIP = 77;

function skip(why) {
  console.log('SKIP: ' + why);
  process.exit(SKIP);
}

if (!binary || !src || !out) {
  console.error('usage: node serve.test.js PLANCHECK_BINARY SOURCE_DIR OUT_DIR');
  process.exit(2);
}
if (!fs.existsSync(CHROMIUM)) skip(CHROMIUM + ' is not installed');
const moduleDir = path.join(src, 'ci/browser/node_modules/puppeteer-core');
if (!fs.existsSync(moduleDir)) skip('ci/browser/node_modules is absent (run ci/setup)');
const puppeteer = require(moduleDir);

let failures = 0;
function check(ok, what, detail) {
  if (ok) return;
  failures++;
  console.error('FAIL: ' + what + (detail !== undefined ? '\n  ' + JSON.stringify(detail) : ''));
}

function startServer() {
  return new Promise((resolve, reject) => {
    const proc = spawn(binary, ['serve', '--port', '0'], {
      env: Object.assign({}, process.env, { PLANCHECK_RULES: path.join(src, 'rules') }),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    const timer = setTimeout(() => reject(new Error('the server did not start: ' + err)), 20000);
    proc.stderr.on('data', (d) => {
      err += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(err);
      if (m && !proc.port) {
        proc.port = Number(m[1]);
        clearTimeout(timer);
        resolve(proc);
      }
    });
    proc.on('exit', (code) => reject(new Error('the server exited (' + code + '): ' + err)));
  });
}

async function analyze(port, file, lang) {
  const form = new FormData();
  form.append('file', new Blob([fs.readFileSync(file)]), path.basename(file));
  const res = await fetch(`http://127.0.0.1:${port}/api/analyze?lang=${lang}`, { method: 'POST', body: form });
  if (!res.ok) throw new Error('api/analyze: ' + res.status);
  return res.json();
}

// What the page must highlight for a finding: its range, line by line, in
// code points of each part of the lines the API returns (a part starts at
// its column).
function expectedText(d, lines) {
  let text = '';
  for (let n = d.line; n <= d.end_line; n++) {
    for (const l of lines.get(n) || []) {
      const cps = Array.from(l.text);
      const col = l.column || 1;
      let from = n === d.line ? d.column - col : 0;
      let to = n === d.end_line ? d.end_column - col : cps.length;
      if (to < 0 || from > cps.length) continue;
      from = Math.max(0, Math.min(cps.length, from));
      to = Math.max(from, Math.min(cps.length, to));
      text += cps.slice(from, to).join('');
    }
  }
  return text;
}

async function pageState(page) {
  return page.evaluate(() => {
    const items = [...document.querySelectorAll('#findings li')].map((li) => ({
      index: Number(li.dataset.index), message: li.querySelector('.msg').textContent,
    }));
    const marked = {};
    const points = {};
    for (const m of document.querySelectorAll('#document mark[data-ids]')) {
      for (const id of m.dataset.ids.split(' ')) {
        if (m.classList.contains('point')) points[id] = m.closest('.ln').dataset.line;
        else marked[id] = (marked[id] || '') + m.textContent;
      }
    }
    return { items, marked, points };
  });
}

// Uploads `file` through the page and checks the list and the highlights
// against the API's answer for the same file; returns that answer.
async function uploadAndCompare(page, port, file) {
  const api = await analyze(port, file, 'vi');
  const diags = JSON.parse(api.check_json).files[0].diagnostics;
  const lines = new Map();
  for (const l of api.lines) { if (!lines.has(l.line)) lines.set(l.line, []); lines.get(l.line).push(l); }
  const input = await page.$('#file');
  await input.uploadFile(file);
  await page.waitForFunction((name) => document.body.dataset.ready === 'true' &&
    document.querySelector('#doc-name').textContent === name, { timeout: 30000 }, path.basename(file));
  const st = await pageState(page);
  const name = path.basename(file);
  check(st.items.length === diags.length, name + ': one list entry per finding', [st.items.length, diags.length]);
  diags.forEach((d, i) => {
    const item = st.items.find((x) => x.index === i);
    check(item && item.message === d.message, name + ': list entry ' + i + ' has the JSON message', [item, d.message]);
    const want = expectedText(d, lines);
    if (want.length) check(st.marked[i] === want, name + ': finding ' + i + ' (' + d.rule + ') highlights its range', [st.marked[i], want]);
    else check(String(st.points[i]) === String(d.line), name + ': finding ' + i + ' (' + d.rule + ') marks its line', [st.points[i], d.line]);
  });
  return { api, diags, st };
}

// A click on the element itself: page.click() aims at screen coordinates,
// which a smooth scroll the page is still doing can move.
async function clickEl(page, selector) {
  await page.$eval(selector, (e) => e.click());
}

async function main() {
  const server = await startServer();
  const base = `http://127.0.0.1:${server.port}/`;
  let browser;
  try {
    browser = await puppeteer.launch({
      executablePath: CHROMIUM, headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
    const page = await browser.newPage();
    await page.setViewport({ width: 1360, height: 900 });
    const offsite = [];
    page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) offsite.push(r.url()); });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(base, { waitUntil: 'networkidle0' });
    check((await page.$eval('h1', (e) => e.textContent)).includes('Kiểm tra văn bản'), 'the page is in Vietnamese by default');

    // A plan with corrections to suggest: the detail shows message, severity,
    // legal basis and the suggested correction.
    let { diags } = await uploadAndCompare(page, server.port, path.join(src, 'corpus/plans/plan-typos.txt'));
    const withFix = diags.findIndex((d) => d.fix && d.fix.replacement);
    check(withFix >= 0, 'plan-typos.txt has a correction to suggest');
    await page.click(`#findings li[data-index="${withFix}"]`);
    let detail = await page.$eval('#detail', (e) => e.textContent);
    check(detail.includes(diags[withFix].message), 'the detail shows the message');
    check(detail.includes(diags[withFix].legal_basis), 'the detail shows the legal basis');
    check(detail.includes(diags[withFix].fix.replacement), 'the detail shows the suggested correction');
    check(await page.$eval('#dl-docx', (b) => b.hidden && getComputedStyle(b).display === 'none'),
      'no annotated Word download for a .txt file');

    // A Word file: positions are paragraphs.
    await uploadAndCompare(page, server.port, path.join(src, 'corpus/docx/plan-word-layouts.docx'));

    // A plan with errors, warnings and notes: clicking, filters, outline.
    const plan = path.join(src, 'corpus/plans/semantics-header-missing.txt');
    const got = await uploadAndCompare(page, server.port, plan);
    const api = got.api;
    diags = got.diags;
    let st = got.st;
    const pick = 0;
    await clickEl(page, `#findings li[data-index="${pick}"]`);
    detail = await page.$eval('#detail', (e) => e.textContent);
    check(detail.includes(diags[pick].message), 'the detail shows the message');
    const current = await page.$$eval('#document mark.current', (ms) => ms.length);
    check(current > 0 || st.points[pick] !== undefined, 'the finding is marked in the text');

    // Clicking highlighted text selects a finding there.
    const target = diags.findIndex((d, i) => st.marked[i] && st.marked[i].length > 0 && i !== pick);
    if (target >= 0) {
      const ids = await page.evaluate((i) => {
        const m = [...document.querySelectorAll('#document mark[data-ids]')].find((x) => x.dataset.ids.split(' ').includes(String(i)));
        m.click();
        return m.dataset.ids.split(' ').map(Number);
      }, target);
      const sel = await page.$eval('#findings li.current', (li) => Number(li.dataset.index));
      check(ids.includes(sel), 'clicking highlighted text selects a finding there', [sel, ids]);
    }

    // Filters: severity and category.
    const shown = (sev) => diags.filter((d) => sev.includes(d.severity)).length;
    check(shown(['info']) > 0 && shown(['error']) > 0, 'the plan has errors and notes to filter');
    await clickEl(page, 'input[name=sev][value=info]');
    st = await pageState(page);
    check(st.items.length === shown(['error', 'warning']), 'the severity filter hides notes', [st.items.length]);
    check(Object.keys(st.marked).every((i) => diags[i].severity !== 'info'), 'hidden findings are not highlighted');
    await clickEl(page, 'input[name=sev][value=info]');
    check(await page.$eval('input[name=sev][value=info]', (i) => i.checked), 'notes are shown again');
    st = await pageState(page);
    check(st.items.length === diags.length, 'every finding is listed again', [st.items.length]);
    const cat = diags[diags.length - 1].category;
    await page.select('#category', cat);
    st = await pageState(page);
    check(st.items.length === diags.filter((d) => d.category === cat).length, 'the category filter', [cat, st.items.length]);
    await page.select('#category', '');

    // The outline view: kind, rule sets and why.
    await clickEl(page, '#tab-outline');
    const outline = await page.$eval('#view-outline', (e) => e.textContent);
    check(outline.includes(api.outline.kind), 'the outline names the kind', api.outline.kind);
    for (const s of api.outline.rulesets) check(outline.includes(s.ruleset), 'the outline lists rule set ' + s.ruleset);
    await clickEl(page, '#tab-doc');

    // The screenshot for docs/: a finding selected.
    await clickEl(page, `#findings li[data-index="${pick}"]`);
    await page.evaluate(() => window.scrollTo(0, 0));
    fs.mkdirSync(out, { recursive: true });
    const shot = path.join(out, 'serve.png');
    await page.screenshot({ path: shot });
    if (process.env.PLANCHECK_UPDATE_SCREENSHOTS === '1') {
      fs.mkdirSync(path.join(src, 'docs/img'), { recursive: true });
      fs.copyFileSync(shot, path.join(src, 'docs/img/serve.png'));
      console.log('updated docs/img/serve.png');
    }

    // English: the page and the messages.
    await clickEl(page, '.langs button[data-lang="en"]');
    await page.waitForFunction(() => document.querySelector('h1').textContent.includes('Administrative'));
    await page.waitForFunction((m) => {
      const li = document.querySelector('#findings li .msg');
      return li && li.textContent === m;
    }, { timeout: 30000 }, JSON.parse((await analyze(server.port, plan, 'en')).check_json).files[0].diagnostics[0].message);
    check(page.url().includes('lang=en'), 'the language is in the address');

    check(offsite.length === 0, 'the page loads nothing from another host', offsite);
    check(errors.length === 0, 'no script errors', errors);
  } finally {
    if (browser) await browser.close();
    server.kill('SIGTERM');
  }
  if (failures) {
    console.error(failures + ' check(s) failed');
    process.exit(1);
  }
  console.log('serve page: all checks passed');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
