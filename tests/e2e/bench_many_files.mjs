// The browser benchmark of many files (not a timed test; `node --test` does not run it):
// picks 1,000 and 10,000 generated small files — fictional pages in the register layout and
// CT.gov v2 JSON records of our own — in the release build, then searches and filters, and
// prints how long each took and the page thread's longest busy stretch (a `longtask`
// PerformanceObserver and a 20 ms heartbeat). Run it after `cargo xtask dist --public-url
// /trialcards/`:
//   CHROME_BIN=/usr/bin/chromium node tests/e2e/bench_many_files.mjs [COUNT...]
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launchBrowser, openApp } from './harness.js';

const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (counts.length === 0) counts.push(1000, 10000);

const statuses = ['Recruiting', 'Completed', 'Active, not recruiting', 'Not yet recruiting'];
const conditions = ['Knee Osteoarthritis', 'Lupus Nephritis', 'Crohn Disease', 'Graft Versus Host Disease'];

/** The `i`th generated file: a register page, or every fifth a CT.gov v2 JSON record. */
function file(i) {
  const nct = `NCT${String(95000000 + i).padStart(8, '0')}`;
  const condition = conditions[i % conditions.length];
  if (i % 5 === 4) {
    const record = { protocolSection: {
      identificationModule: { nctId: nct, briefTitle: `Fictional Stromal Cells for ${condition} ${i}` },
      statusModule: { overallStatus: statuses[i % statuses.length].toUpperCase().replace(/[, ]+/g, '_') },
      conditionsModule: { conditions: [condition] },
      eligibilityModule: { eligibilityCriteria: 'Inclusion Criteria:\n\n* Aged 18 to 70 years\n* ECOG 0-1', sex: 'ALL' },
    } };
    return { name: `study_${i}.json`, text: JSON.stringify(record, null, 2) };
  }
  const text = [
    'Fictional Trials Register', '', `Fictional Stromal Cells for ${condition} ${i}`, '',
    `Main ID: ${nct}`, `Recruitment status: ${statuses[i % statuses.length]}`, 'Gender: All',
    `Condition: ${condition}`, `Target size: ${20 + (i % 80)}`, '',
    'Inclusion Criteria:', '- Aged 18 to 70 years', '- Absolute neutrophil count ≥ 1.5 x 10^9/L',
    'Exclusion Criteria:', '- Active infection', '',
  ].join('\n');
  return { name: `page_${i}.txt`, text };
}

/** Starts the page-thread probes: the heartbeat's gaps and the long tasks. */
function probes() {
  window.__gaps = [];
  window.__long = [];
  let last = performance.now();
  window.__beat = setInterval(() => {
    const now = performance.now();
    window.__gaps.push(now - last);
    last = now;
  }, 20);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push(e.duration);
  }).observe({ type: 'longtask', buffered: false });
}

/** The longest heartbeat gap and long task since the last call, and how many long tasks. */
async function worst(page) {
  return page.evaluate(() => {
    const gap = Math.max(0, ...window.__gaps);
    const task = Math.max(0, ...window.__long);
    const over100 = window.__long.filter((d) => d > 100).length;
    window.__gaps = [];
    window.__long = [];
    return { gap: Math.round(gap), task: Math.round(task), over100 };
  });
}

const server = await serveDist();
const rows = [];
for (const count of counts) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'trialcards-bench-'));
  const paths = [];
  for (let i = 0; i < count; i++) {
    const { name, text } = file(i);
    const p = path.join(dir, name);
    await fs.writeFile(p, text);
    paths.push(p);
  }
  const browser = await launchBrowser();
  const { page } = await openApp(browser.context, server.url);
  await page.evaluate(probes);
  const count_text = `${count.toLocaleString('en-US')} trials`;
  const timed = async (what, act, done) => {
    await worst(page);
    const started = Date.now();
    await act();
    await done();
    const ms = Date.now() - started;
    const w = await worst(page);
    rows.push({ files: count, what, ms, ...w });
    console.log(`${count} files · ${what}: ${ms} ms; longest page-thread pause ${w.gap} ms, longest task ${w.task} ms, ${w.over100} tasks over 100 ms`);
  };
  await timed('pick → all listed',
    () => page.locator('input[type=file]').setInputFiles(paths),
    () => page.getByTestId('record-count').filter({ hasText: new RegExp(`^${count_text}$`) }).waitFor({ timeout: 600_000 }));
  await timed('first search',
    () => page.getByPlaceholder(/Search every field/).fill('lupus'),
    () => page.getByTestId('record-count').filter({ hasText: / of .* shown$/ }).waitFor({ timeout: 600_000 }));
  await timed('clear search',
    () => page.getByPlaceholder(/Search every field/).fill(''),
    () => page.getByTestId('record-count').filter({ hasText: new RegExp(`^${count_text}$`) }).waitFor({ timeout: 600_000 }));
  await timed('second search',
    () => page.getByPlaceholder(/Search every field/).fill('crohn'),
    () => page.getByTestId('record-count').filter({ hasText: / of .* shown$/ }).waitFor({ timeout: 600_000 }));
  await timed('clear search',
    () => page.getByPlaceholder(/Search every field/).fill(''),
    () => page.getByTestId('record-count').filter({ hasText: new RegExp(`^${count_text}$`) }).waitFor({ timeout: 600_000 }));
  const menu = page.locator('details[data-facet="status"]');
  await menu.locator('summary').click();
  await timed('status filter',
    () => menu.locator('input[value="COMPLETED"]').setChecked(true),
    () => page.getByTestId('record-count').filter({ hasText: / of .* shown$/ }).waitFor({ timeout: 600_000 }));
  await browser.close();
  await fs.rm(dir, { recursive: true, force: true });
}
await server.close();
console.log('\n| files | step | time (ms) | longest pause (ms) | longest task (ms) | tasks > 100 ms |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.files} | ${r.what} | ${r.ms} | ${r.gap} | ${r.task} | ${r.over100} |`);
