// What the tests of large loads share (hostile.test.js, keep.test.js): the 25 MB inputs built
// from our fictional Veeva page, the page-thread heartbeat that measures how long the page
// was busy at once, and the limit it must stay under.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fixture } from './harness.js';

/** The core's MAX_INPUT_BYTES. */
export const MAX_INPUT_BYTES = 25 * 1024 * 1024;
/** The longest the page's thread may be busy at once while a large load is read or kept. */
export const RESPONSIVE_MS = 1000;
/** Counts as the app writes them: 13955 → "13,955". */
export const n = (count) => count.toLocaleString('en-US');

let veeva;
/** Our fictional Veeva page with its NCT IDs renumbered from `first`. */
export async function veevaPage(first) {
  veeva ??= await fixture('veeva_fictional_knee_msc.txt');
  let k = 0;
  return veeva.replace(/NCT\d{8}/g, () => `NCT${String(first + k++).padStart(8, '0')}`);
}

/** A file in `dir` of as many Veeva pages as fit in 25 MB (13,951): `{ file, records }`. */
export async function manyPagesUpTo25Mb(dir) {
  const count = Math.floor(MAX_INPUT_BYTES / (Buffer.byteLength(await veevaPage(90000000)) + 1));
  const pages = [];
  for (let i = 0; i < count; i++) pages.push(await veevaPage(90000000 + 4 * i));
  const file = path.join(dir, 'many_pages.txt');
  await fs.writeFile(file, pages.join('\n'));
  return { file, records: count };
}

/** A file in `dir` of one 25 MB page: our Veeva page and 470,064 lines no reader places. */
export async function oneHugePage(dir) {
  const lines = [await veevaPage(91000000)];
  let size = Buffer.byteLength(lines[0]);
  for (let i = 0; size < MAX_INPUT_BYTES - 100; i++) {
    const line = `Unplaceable line ${i} with words that are not a label\n`;
    lines.push(line);
    size += line.length;
  }
  const file = path.join(dir, 'one_huge_page.txt');
  await fs.writeFile(file, lines.join(''));
  return { file, records: 1, unplaced: lines.length - 1 };
}

/**
 * A 20 ms heartbeat on the page's thread (run it with `page.evaluate`, or `addInitScript` to
 * start with the next load); `worstGap` gives its longest pause: how long the thread was busy.
 */
export function heartbeat() {
  window.__gaps = [];
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    window.__gaps.push(now - last);
    last = now;
  }, 20);
}

/** The heartbeat's longest pause so far, in ms. */
export const worstGap = (page) => page.evaluate(() => Math.round(Math.max(0, ...window.__gaps)));
