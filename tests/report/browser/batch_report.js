// Loads a batch HTML report in headless Chromium and reports, as one JSON
// line: load time, file count, what a severity filter, a category filter, a
// unit filter and the search leave visible, and that opening a file works.
// Usage: node batch_report.js REPO REPORT.html SCREENSHOT.png
'use strict';
const [repo, report, shot] = process.argv.slice(2);
const puppeteer = require(repo + '/ci/browser/node_modules/puppeteer-core');

(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  const out = {};
  try {
    const page = await browser.newPage();
    await page.setViewport({width: 1280, height: 900});
    const requests = [];
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const t0 = Date.now();
    await page.goto('file://' + report, {waitUntil: 'load'});
    out.wall_ms = Date.now() - t0;
    out.load_ms = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return Math.round(n.loadEventEnd - n.startTime);
    });
    const visible = () => page.evaluate(() =>
      [...document.querySelectorAll('details.file')].filter((f) => !f.hidden).length);
    const rowsShown = () => page.evaluate(() =>
      [...document.querySelectorAll('details.file:not([hidden]) tr[data-s]')].filter((r) => !r.hidden).length);
    out.files = await visible();
    out.filters_shown = await page.evaluate(() => !document.getElementById('filters').hidden);
    out.shown_label = await page.$eval('#shown', (e) => e.textContent);

    // Severity: errors only.
    await page.click('#filters input[name=sev][value="1"]');
    await page.click('#filters input[name=sev][value="0"]');
    out.errors_only_files = await visible();
    out.errors_only_rows = await rowsShown();
    out.errors_only_bad = await page.evaluate(() =>
      [...document.querySelectorAll('details.file:not([hidden]) tr[data-s]')].filter((r) => !r.hidden && r.dataset.s !== '2').length);
    await page.click('#filters input[name=sev][value="1"]');
    await page.click('#filters input[name=sev][value="0"]');
    out.all_again = await visible();

    // Category: the first one listed.
    const cat = await page.$eval('#f-cat option:nth-child(2)', (o) => o.value);
    await page.select('#f-cat', cat);
    out.category = cat;
    out.category_files = await visible();
    out.category_expected = await page.evaluate((c) =>
      [...document.querySelectorAll('details.file')].filter((f) => f.querySelector('tr[data-c="' + c + '"]')).length, cat);
    await page.select('#f-cat', '');

    // Rule: the first one listed; every row left is of that rule.
    const rule = await page.$eval('#f-rule option:nth-child(2)', (o) => o.value);
    await page.select('#f-rule', rule);
    out.rule_rows = await rowsShown();
    out.rule_wrong = await page.evaluate((r) =>
      [...document.querySelectorAll('details.file:not([hidden]) tr[data-s]')].filter((x) => !x.hidden && x.dataset.r !== r).length, rule);
    await page.select('#f-rule', '');

    // Unit: the second unit in the list.
    const unit = await page.$eval('#f-unit option:nth-child(3)', (o) => o.value);
    await page.select('#f-unit', unit);
    out.unit = unit;
    out.unit_files = await visible();
    out.unit_wrong = await page.evaluate((u) =>
      [...document.querySelectorAll('details.file')].filter((f) => !f.hidden && f.dataset.unit !== u).length, unit);
    await page.select('#f-unit', '');

    // Search: a file name that occurs once, then a word of a message.
    const target = await page.$eval('details.file:nth-of-type(7)', (f) => f.dataset.path);
    out.search_target = target;
    await page.type('#f-q', target);
    await new Promise((r) => setTimeout(r, 400));
    out.search_files = await page.evaluate(() =>
      [...document.querySelectorAll('details.file')].filter((f) => !f.hidden).map((f) => f.dataset.path));
    await page.$eval('#f-q', (e) => { e.value = ''; });
    await page.type('#f-q', process.env.SEARCH_WORD || 'chính tả');
    await new Promise((r) => setTimeout(r, 400));
    out.word_files = await visible();
    out.word_rows = await rowsShown();
    await page.$eval('#f-q', (e) => { e.value = ''; e.dispatchEvent(new Event('input')); });
    await new Promise((r) => setTimeout(r, 400));

    // Open the worst file, as a reviewer would, and take the screenshot.
    await page.click('details.file summary');
    out.opened_rows = await page.evaluate(() =>
      document.querySelector('details.file[open]').querySelectorAll('tr[data-s]').length);
    await page.setViewport({width: 1280, height: 1500});
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({path: shot, fullPage: false});
    out.requests = requests;
    out.errors = errors;
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(out) + '\n');
})().catch((e) => { process.stderr.write(String(e && e.stack || e) + '\n'); process.exit(1); });
