// The browser benchmark of many files (not a timed test; `node --test` does not run it):
// picks 1,000 and 10,000 generated small files — fictional pages in the register layout and
// CT.gov v2 JSON records of our own — in the release build, then searches and filters, and
// prints how long each took and the page thread's longest busy stretch (a `longtask`
// PerformanceObserver and a 20 ms heartbeat). Run it after `cargo xtask dist --public-url
// /trialcards/`:
//   CHROME_BIN=/usr/bin/chromium node tests/e2e/bench_many_files.mjs [COUNT...]
// With PROFILE=1 it also prints the page thread's 25 costliest functions (self time), then the
// PROFILE_TOP (40) with the most time including what they call, while the files are
// picked (PROFILE="status filter": during that step); and, for each task of that step over
// PROFILE_TASKS_OVER ms (100), the PROFILE_TASK_TOP (8) functions it spent most in. Names
// need a build whose wasm keeps them, as TRIALCARDS_DIST: the app's <link> in index.html
// with data-keep-debug and data-wasm-opt="0".
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launchBrowser, openApp } from './harness.js';
import { heartbeat } from './large_inputs.js';
import { longTasks, worst, markClock, printProfile } from './page_profile.js';

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
  await page.evaluate(heartbeat);
  await page.evaluate(longTasks);
  // PROFILE_TASKS_OVER=<ms>: the tasks the profile takes apart (100 unless told).
  if (process.env.PROFILE_TASKS_OVER) await page.evaluate((ms) => { window.__taskFloor = ms; }, Number(process.env.PROFILE_TASKS_OVER));
  const count_text = `${count.toLocaleString('en-US')} trials`;
  // PROFILE=1 profiles the pick; PROFILE=<step name> (such as "status filter") that step.
  const profiled = process.env.PROFILE === '1' ? 'pick → all listed' : process.env.PROFILE;
  const cdp = profiled ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  }
  const timed = async (what, act, done) => {
    await worst(page);
    let mark = null;
    if (what === profiled) {
      await cdp.send('Profiler.start');
      mark = await page.evaluate(markClock);
    }
    const started = Date.now();
    await act();
    // `done` may return when it saw the end, if it went on after (to finish a screenshot).
    const ended = (await done()) ?? Date.now();
    const ms = ended - started;
    const w = await worst(page);
    if (what === profiled) printProfile((await cdp.send('Profiler.stop')).profile, mark, w.spans);
    rows.push({ files: count, what, ms, ...w });
    console.log(`${count} files · ${what}: ${ms} ms; longest page-thread pause ${w.gap} ms, longest task ${w.task} ms, ${w.over100} tasks over 100 ms; the thread busy ${w.busy} ms in all`);
    if (w.tasks.length > 0) console.log(`  tasks over 100 ms: ${w.tasks.join(', ')}`);
    if (w.change) console.log(`  ${w.change}`);
  };
  const box = page.getByPlaceholder(/Search every field/);
  const shown = (all) => page.getByTestId('record-count')
    .filter({ hasText: all ? new RegExp(`^${count_text}$`) : / of .* shown$/ }).waitFor({ timeout: 600_000 });
  // A screenshot of the load in progress, taken beside it (the time to all listed does not
  // wait for it): some way into it at 10,000 files.
  const loading = async () => {
    await page.waitForTimeout(count >= 10000 ? 1500 : 400);
    const artifacts = path.join(path.dirname(new URL(import.meta.url).pathname), 'artifacts');
    await fs.mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: path.join(artifacts, `bench-${count}-files-loading.png`) });
  };
  await timed('pick → all listed', () => page.locator('input[type=file]').setInputFiles(paths),
    async () => {
      const shot = loading();
      await shown(true);
      const ended = Date.now();
      await shot;
      return ended;
    });
  // Keeping goes on in the background after the list is complete: until all is stored.
  await timed('then all kept', () => {}, () => page.locator('.keep-note[data-keep="kept"][aria-busy="false"]')
    .waitFor({ timeout: 600_000 }));
  for (const [what, words] of [['first search', 'lupus'], ['clear search', ''], ['second search', 'crohn'], ['clear search', '']]) {
    await timed(what, () => box.fill(words), () => shown(words === ''));
  }
  const menu = page.locator('details[data-facet="status"]');
  await menu.locator('summary').click();
  await timed('status filter',
    () => menu.locator('input[value="COMPLETED"]').setChecked(true),
    () => shown(false));
  await browser.close();
  await fs.rm(dir, { recursive: true, force: true });
}
await server.close();
console.log('\n| files | step | time (ms) | page thread busy (ms) | longest pause (ms) | longest task (ms) | tasks > 100 ms |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.files} | ${r.what} | ${r.ms} | ${r.busy} | ${r.gap} | ${r.task} | ${r.over100} |`);
