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

/** Starts recording the page's long tasks (beside large_inputs.js's heartbeat), and how long
 * the app's own handling of a file input's change event takes: a pick's longest task can be
 * the browser's own work of building the list of files, before the event is dispatched. */
function longTasks() {
  window.__long = [];
  window.__longAt = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__long.push(e.duration);
      if (e.duration > (window.__taskFloor ?? 100)) window.__longAt.push([Math.round(e.startTime), Math.round(e.duration)]);
    }
  }).observe({ type: 'longtask', buffered: false });
  let changed = 0;
  document.addEventListener('change', () => { changed = performance.now(); }, true);
  window.addEventListener('change', () => {
    window.__change = [Math.round(changed), Math.round(performance.now() - changed)];
  });
}

/** The longest heartbeat gap and long task since the last call, and how many long tasks. */
async function worst(page) {
  return page.evaluate(() => {
    const gap = Math.max(0, ...window.__gaps);
    const task = Math.max(0, ...window.__long);
    const over100 = window.__long.filter((d) => d > 100).length;
    const busy = window.__gaps.reduce((sum, g) => sum + Math.max(0, g - 20), 0);
    const since = window.__stepStart ?? 0;
    const tasks = window.__longAt.filter(([, ms]) => ms > 100).map(([at, ms]) => `${ms} ms at +${Math.round(at - since)} ms`);
    const spans = window.__longAt.map(([at, ms]) => [at, ms, Math.round(at - since)]);
    const change = window.__change && `the change event at +${Math.round(window.__change[0] - since)} ms, handled in ${window.__change[1]} ms`;
    window.__gaps = [];
    window.__long = [];
    window.__longAt = [];
    window.__change = undefined;
    window.__stepStart = performance.now();
    return { gap: Math.round(gap), task: Math.round(task), over100, busy: Math.round(busy), tasks, spans, change };
  });
}

/** Spins for 20 ms in a function of its own name, so that a CPU profile's clock can be set
 * against `performance.now()`: returns when it started. */
function markClock() {
  const started = performance.now();
  (function trialcardsClockMark() {
    while (performance.now() - started < 20);
  })();
  return started;
}

/** The functions with the most self time in a CPU profile, with their share of the samples;
 * then, for each long task in `spans` ([start, ms, offset] in `performance.now()` time, set
 * against the profile's clock by `mark`, a `markClock` start), what ran in it. */
function printProfile(profile, mark, spans) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  let total = 0;
  for (const [id, c] of counts) {
    const f = byId.get(id).callFrame;
    if (f.functionName === '(idle)' || f.functionName === '(program)') continue;
    const name = f.functionName || `(anonymous ${f.url.split('/').pop()}:${f.lineNumber})`;
    self.set(name, (self.get(name) ?? 0) + c);
    total += c;
  }
  console.log(`busy samples: ${total}`);
  for (const [name, c] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${String(Math.round((1000 * c) / total) / 10).padStart(5)} %  ${name.slice(0, 140)}`);
  }
  // Inclusive time: the share of the busy samples with the function anywhere on the stack.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map();
  for (const [id, c] of counts) {
    const leaf = byId.get(id).callFrame.functionName;
    if (leaf === '(idle)' || leaf === '(program)') continue;
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at).callFrame.functionName.replace(/::h[0-9a-f]{16}$/, '');
      if (name) seen.add(name);
    }
    for (const name of seen) inclusive.set(name, (inclusive.get(name) ?? 0) + c);
  }
  // Each long task's own costliest functions (inclusive), found by the sample times.
  let clock = profile.startTime;
  const times = profile.timeDeltas.map((d) => (clock += d) / 1000);
  const first = profile.samples.findIndex((id, i) => {
    for (let at = id; at !== undefined; at = parent.get(at)) {
      if (byId.get(at).callFrame.functionName === 'trialcardsClockMark') return true;
    }
    return false;
  });
  if (first >= 0 && mark !== null) {
    const offset = times[first] - mark;
    for (const [start, ms, since] of spans) {
      const inTask = new Map();
      let n = 0;
      profile.samples.forEach((id, i) => {
        const t = times[i] - offset;
        if (t < start || t > start + ms) return;
        const seen = new Set();
        for (let at = id; at !== undefined; at = parent.get(at)) {
          const name = byId.get(at).callFrame.functionName.replace(/::h[0-9a-f]{16}$/, '');
          if (name && !/^(js-to-wasm|wasm-to-js|real|\(root\))/.test(name) && !name.startsWith('wasm_bindgen')) seen.add(name);
        }
        for (const name of seen) inTask.set(name, (inTask.get(name) ?? 0) + 1);
        n += 1;
      });
      console.log(`task of ${ms} ms at +${since} ms (${n} samples):`);
      for (const [name, c] of [...inTask].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TASK_TOP ?? 8))) {
        console.log(`  ${String(Math.round((1000 * c) / Math.max(1, n)) / 10).padStart(5)} %  ${name.slice(0, 130)}`);
      }
    }
  }
  console.log('inclusive (the function or what it calls):');
  for (const [name, c] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 40))) {
    console.log(`${String(Math.round((1000 * c) / total) / 10).padStart(5)} %  ${name.slice(0, 140)}`);
  }
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
