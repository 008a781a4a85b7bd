// The browser benchmark of the largest inputs (not a timed test; `node --test` does not run
// it): picks each 25 MB input of large_inputs.js — a file of 13,951 pages, and one page of
// 470,064 lines no reader places — in a fresh profile of the release build, waits until it is
// listed, drawn and kept, then reloads and waits until it is read back; prints how long each
// took and the page thread's longest busy stretch (a `longtask` PerformanceObserver and a
// 20 ms heartbeat). Run it after `cargo xtask dist --public-url /trialcards/`:
//   CHROME_BIN=/usr/bin/chromium node tests/e2e/bench_large_inputs.mjs [ROUNDS]
// ONLY=pages (or page) runs only the file of pages (or the one page).
// PROFILE=load (or restore) also prints where the page's thread spent that step, as
// bench_many_files.mjs does (names need a build whose wasm keeps them).
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serveDist, launchBrowser, openApp, cardsDrawn } from './harness.js';
import { heartbeat, manyPagesUpTo25Mb, oneHugePage, n } from './large_inputs.js';
import { longTasks, worst, markClock, printProfile } from './page_profile.js';

const rounds = Number(process.argv[2] ?? 1);
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'trialcards-bench-large-'));
const inputs = [];
if (process.env.ONLY !== 'page') inputs.push(['13,951 pages in 25 MB', await manyPagesUpTo25Mb(dir)]);
if (process.env.ONLY !== 'pages') inputs.push(['one 25 MB page of 470,064 unplaced lines', await oneHugePage(dir)]);
const server = await serveDist();
const rows = [];

/** Waits until `records` trials are listed, no source is being read, the cards are drawn and
 * (when `kept`) everything is written to storage. */
async function settled(page, records, kept) {
  const timeout = 300_000;
  const shown = records === 1 ? '1 trial' : `${n(records)} trials`;
  await page.getByTestId('record-count').filter({ hasText: new RegExp(`^${shown}$`) }).waitFor({ timeout });
  await page.locator('.source[aria-busy="true"]').first().waitFor({ state: 'detached', timeout });
  if (kept) await page.locator('.keep-note[data-keep="kept"][aria-busy="false"]').waitFor({ timeout });
  await cardsDrawn(page, timeout);
}

for (let round = 0; round < rounds; round++) {
  for (const [what, { file, records }] of inputs) {
    const browser = await launchBrowser();
    const { page } = await openApp(browser.context, server.url);
    const cdp = process.env.PROFILE ? await page.context().newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    }
    // `profiled` is the PROFILE value that profiles this step. Across a reload the page's
    // clock starts again: the profile is then not taken apart by task.
    const step = async (name, profiled, act, { reloads = false } = {}) => {
      let mark = null;
      const profiling = process.env.PROFILE === profiled;
      if (profiling) {
        await cdp.send('Profiler.start');
        if (!reloads) mark = await page.evaluate(markClock);
      }
      const started = Date.now();
      await act();
      const ms = Date.now() - started;
      const w = await worst(page);
      if (profiling) printProfile((await cdp.send('Profiler.stop')).profile, mark, w.spans);
      rows.push({ what, step: name, ms, ...w });
      console.log(`${what} · ${name}: ${ms} ms; longest page-thread pause ${w.gap} ms, longest task ${w.task} ms, ${w.over100} tasks over 100 ms; busy ${w.busy} ms in all`);
      if (w.tasks.length > 0) console.log(`  tasks over 100 ms: ${w.tasks.join(', ')}`);
    };
    await page.evaluate(heartbeat);
    await page.evaluate(longTasks);
    await worst(page);
    await step('load', 'load', async () => {
      await page.locator('#file-input').setInputFiles(file);
      await settled(page, records, true);
    });
    await page.addInitScript(heartbeat);
    await page.addInitScript(longTasks);
    await step('reload → restored', 'restore', async () => {
      await page.reload();
      await settled(page, records, false);
    }, { reloads: true });
    await browser.close();
  }
}
await server.close();
await fs.rm(dir, { recursive: true, force: true });
console.log('\n| input | step | time (ms) | page thread busy (ms) | longest pause (ms) | longest task (ms) | tasks > 100 ms |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.what} | ${r.step} | ${r.ms} | ${r.busy} | ${r.gap} | ${r.task} | ${r.over100} |`);
