// The collection is kept in the browser (IndexedDB): it survives a reload and a browser
// restart, removals stick, "Clear all" asks first, a damaged entry is named and the rest
// loads, and a full disk is told without losing what is shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { useApp, launchBrowser, openApp, pasteInto, fixture, screenshot } from './harness.js';

const app = useApp();

async function loadExamples(page) {
  await page.getByRole('button', { name: 'Load examples' }).click();
  await page.getByTestId('record-count').filter({ hasText: /^4 trials$/ }).waitFor();
}

async function ids(page) {
  return page.locator('article.trial-card').evaluateAll((cards) => cards.map((c) => c.dataset.nctId));
}

async function sourceNames(page) {
  return page.locator('.source .source-name').allTextContents();
}

/** Waits until the app has written `n` sources to IndexedDB. */
async function stored(page, n) {
  await page.waitForFunction(async (want) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('trialcards');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    if (!db.objectStoreNames.contains('sources')) { db.close(); return false; }
    const count = await new Promise((resolve) => {
      const request = db.transaction('sources').objectStore('sources').count();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return count === want;
  }, n, { polling: 100, timeout: 20_000 });
}

test('the collection survives a reload and a browser restart; removals stick', async () => {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), 'trialcards-keep-'));
  let browser = await launchBrowser(profile);
  const server = app.server;
  let opened = await openApp(browser.context, server.url);
  let page = opened.page;
  assert.equal((await page.getByTestId('kept-note').textContent()).trim(),
    'Kept in this browser only — nothing you load is sent anywhere. Clear all removes it.');
  await loadExamples(page);
  await pasteInto(page.getByLabel('Paste registry text'), await fixture('meddatax_fictional_knee_msc.txt'));
  await page.getByTestId('record-count').filter({ hasText: /^4 trials \(5 records\)$/ }).waitFor();
  await stored(page, 5);
  const before = { ids: await ids(page), sources: await sourceNames(page) };

  await page.reload();
  await page.getByTestId('record-count').filter({ hasText: /^4 trials \(5 records\)$/ }).waitFor();
  assert.deepEqual({ ids: await ids(page), sources: await sourceNames(page) }, before);

  // A browser restart on the same profile.
  await browser.close();
  browser = await launchBrowser(profile);
  opened = await openApp(browser.context, server.url, { keepStorage: true });
  page = opened.page;
  await page.getByTestId('record-count').filter({ hasText: /^4 trials \(5 records\)$/ }).waitFor();
  assert.deepEqual({ ids: await ids(page), sources: await sourceNames(page) }, before);

  // New sources continue the ids and the paste numbers.
  await pasteInto(page.getByLabel('Paste registry text'), await fixture('veeva_fictional_knee_msc.txt'));
  await page.getByTestId('record-count').filter({ hasText: /\(6 records\)$/ }).waitFor();
  assert.deepEqual((await sourceNames(page)).slice(-2), ['Pasted text 1', 'Pasted text 2']);

  // A removed source and a removed card stay removed.
  await page.getByRole('button', { name: 'Remove Pasted text 2 and its cards' }).click();
  await page.getByRole('button', { name: 'Remove card for NCT09990301' }).click();
  await page.getByTestId('record-count').filter({ hasText: /^3 trials \(4 records\)$/ }).waitFor();
  await stored(page, 5); // the lupus example's source is kept, with no record
  await page.reload();
  await page.getByTestId('record-count').filter({ hasText: /^3 trials \(4 records\)$/ }).waitFor();
  assert.ok(!(await ids(page)).includes('NCT09990301'));
  assert.ok(!(await sourceNames(page)).includes('Pasted text 2'));
  for (const list of [opened.offOrigin, opened.pageErrors, await opened.cspViolations()]) assert.deepEqual(list, []);
  await browser.close();
  await fs.rm(profile, { recursive: true, force: true });
});

test('"Clear all" asks first; Cancel keeps everything, Clear empties the page and the storage', async () => {
  const { page } = await app.open();
  await loadExamples(page);
  await stored(page, 4);
  await page.getByRole('button', { name: 'Clear all…' }).click();
  const confirm = page.getByTestId('confirm-clear');
  assert.match(await confirm.textContent(), /Remove all 4 sources and their 4 records from this page and from this browser's storage\?/);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Cancel', 'focus moves to the question');
  await screenshot(page, 'keep-clear-confirm');
  await page.keyboard.press('Escape');
  assert.equal(await confirm.count(), 0);
  await page.getByRole('button', { name: 'Clear all…' }).click();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await page.locator('article.trial-card').count(), 4);
  await page.getByRole('button', { name: 'Clear all…' }).click();
  await confirm.getByRole('button', { name: 'Clear all' }).click();
  await page.getByTestId('record-count').filter({ hasText: /^0 trials$/ }).waitFor();
  await stored(page, 0);
  await page.reload();
  await page.getByRole('button', { name: 'Load examples' }).waitFor();
  assert.equal(await page.locator('article.trial-card').count(), 0);
});

test('a damaged entry is named and left alone; every other entry loads', async () => {
  const { page } = await app.open();
  await loadExamples(page);
  await stored(page, 4);
  await page.evaluate(async () => {
    const db = await new Promise((resolve) => { const o = indexedDB.open('trialcards'); o.onsuccess = () => resolve(o.result); });
    const tx = db.transaction('sources', 'readwrite');
    const store = tx.objectStore('sources');
    store.put('\u0000garbage', 900);
    store.put({ format: 99, entry: '{}', text: '' }, 901);
    store.put({ format: 1, entry: '{"name": 5}', text: 'x' }, 902);
    store.put(new Blob(['x']), 'not-an-id');
    await new Promise((resolve) => { tx.oncomplete = resolve; });
    db.close();
  });
  await page.reload();
  await page.getByTestId('record-count').filter({ hasText: /^4 trials$/ }).waitFor();
  const notices = await page.getByTestId('storage-notices').locator('li').allTextContents();
  assert.equal(notices.length, 4, notices.join('\n'));
  assert.match(notices[0], /^A saved source \(key 900\) could not be read back: it is not a trialcards entry\. It was left in this browser's storage untouched\.$/);
  assert.match(notices[1], /key 901.*written in format 99, and this version of trialcards reads format 1/);
  assert.match(notices[2], /key 902.*its records do not read back/);
  assert.match(notices[3], /key not-an-id.*its key is not a trialcards source id/);
  // New sources do not take a damaged entry's id.
  await pasteInto(page.getByLabel('Paste registry text'), await fixture('meddatax_fictional_knee_msc.txt'));
  await page.getByTestId('record-count').filter({ hasText: /\(5 records\)$/ }).waitFor();
  await stored(page, 9);
});

/** Mounts a small tmpfs (a real disk that fills up) and returns its path and an unmount. */
async function smallDisk(megabytes) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'trialcards-full-'));
  const mount = `mount -t tmpfs -o size=${megabytes}m tmpfs ${dir}`;
  try {
    execSync(mount, { stdio: 'pipe' });
  } catch {
    execSync(`sudo -n ${mount}`, { stdio: 'pipe' });
  }
  return {
    dir,
    remove: async () => {
      try { execSync(`umount ${dir}`, { stdio: 'pipe' }); } catch { execSync(`sudo -n umount ${dir}`, { stdio: 'pipe' }); }
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

test('a full disk is told, and nothing shown or kept is lost', async () => {
  // The browser's profile on a 24 MB disk; a 12 MB page of random text (storage compresses
  // repeated text) does not fit beside it: the write fails as it would on a full disk.
  const disk = await smallDisk(24);
  const browser = await launchBrowser(disk.dir);
  try {
    const opened = await openApp(browser.context, app.server.url);
    const { page } = opened;
    await loadExamples(page);
    await stored(page, 4);
    const noise = randomBytes(9_000_000).toString('base64').match(/.{1,76}/g).join('\n');
    await pasteInto(page.getByLabel('Paste registry text'), `${await fixture('meddatax_fictional_knee_msc.txt')}\n${noise}`);
    const notice = page.getByTestId('storage-notices');
    await notice.waitFor({ timeout: 30_000 });
    assert.equal((await notice.textContent()).trim(),
      'Pasted text 1 was not saved in this browser: the browser\'s storage for this page is full. It is shown now but will be gone after a reload.');
    assert.equal(await page.locator('article.trial-card').count(), 4);
    assert.match(await page.getByTestId('record-count').textContent(), /^4 trials \(5 records\)$/);
    await page.reload();
    await page.getByTestId('record-count').filter({ hasText: /^4 trials$/ }).waitFor();
    assert.equal(await page.locator('article.trial-card').count(), 4, 'what was kept before is all there');
    for (const list of [opened.offOrigin, opened.pageErrors, await opened.cspViolations()]) assert.deepEqual(list, []);
  } finally {
    await browser.close();
    await disk.remove();
  }
});
