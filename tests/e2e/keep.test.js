// What the browser keeps: the collection survives a reload and a browser restart, removals
// and "Clear all" stick, broken entries are named while the rest loads, a full storage is
// said and loses nothing, and a 25 MB source comes back without freezing the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { useApp, cardsDrawn, launchBrowser, pasteInto, fixture, artifacts } from './harness.js';
import { MAX_INPUT_BYTES, RESPONSIVE_MS, n, veevaPage, manyPagesUpTo25Mb, oneHugePage, heartbeat, worstGap } from './large_inputs.js';

const app = useApp();

let dir;
before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'trialcards-keep-'));
  await fs.mkdir(artifacts, { recursive: true });
});
after(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** The count line once `records` records are loaded: "6 trials", or "5 trials (6 records)"
 * when some trial was read from more than one source. */
function recordCount(records) {
  return new RegExp(`^(${n(records)} trials?|[\\d,]+ trials? \\(${n(records)} records\\))$`);
}

async function loadExamples(page) {
  await page.getByRole('button', { name: 'Load examples' }).click();
  await settled(page, 4);
}

/** Waits until `records` records are shown, nothing is being read, and every write is done. */
async function settled(page, records, timeout = 30_000) {
  await page.getByTestId('record-count').filter({ hasText: recordCount(records) }).waitFor({ timeout });
  await page.locator('.source[aria-busy="true"]').first().waitFor({ state: 'detached', timeout });
  await page.locator('.keep-note[data-keep="kept"][aria-busy="false"]').waitFor({ timeout });
  await cardsDrawn(page, timeout);
}

/** Reloads the page and waits until what was kept is read back. */
async function reload(page) {
  await page.reload();
  await page.locator('.keep-note[data-keep="kept"]').waitFor({ timeout: 60_000 });
  await cardsDrawn(page);
}

/** What the page shows: the record count, each source's line and each card. */
async function shown(page) {
  await cardsDrawn(page);
  return page.evaluate(() => ({
    count: document.querySelector('[data-testid="record-count"]').textContent,
    sources: [...document.querySelectorAll('.source')].map((li) => li.textContent),
    cards: [...document.querySelectorAll('article.trial-card')]
      .map((card) => `${card.dataset.nctId} ${card.querySelector('h2').textContent}`),
  }));
}

/** The keys in the app's database, read with the IndexedDB API (the database must exist). */
function keptKeys(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('trialcards');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['sources', 'texts']);
      const sources = tx.objectStore('sources').getAllKeys();
      const texts = tx.objectStore('texts').getAllKeys();
      tx.oncomplete = () => {
        db.close();
        resolve({ sources: sources.result, texts: texts.result });
      };
    };
  }));
}

test('the collection survives a reload and a browser restart; paste numbers go on', async () => {
  const { page } = await app.open();
  await loadExamples(page);
  const box = page.getByLabel('Paste registry text');
  await pasteInto(box, await veevaPage(95000000));
  await pasteInto(box, await fixture('not_a_registry_page.txt'));
  // The second paste gives no record, so the count alone cannot say it has been listed: a
  // busy page (a slow machine) lists it a batch after the first paste's record.
  await page.locator('.source').nth(5).waitFor();
  await settled(page, 5);
  const before = await shown(page);
  assert.equal(before.sources.length, 6);
  assert.ok(before.sources[5].startsWith('Pasted text 2'), before.sources[5]);
  assert.equal(await page.locator('.source-problem[role="alert"]').count(), 1, 'the pasted text that is no page');

  await reload(page);
  assert.deepEqual(await shown(page), before, 'the same sources, problems, cards and count after a reload');
  assert.deepEqual(await keptKeys(page), { sources: [1, 2, 3, 4, 5, 6], texts: [1, 2, 3, 4, 5, 6] });

  // New sources get new ids, and pastes are numbered on from the kept ones.
  await pasteInto(box, await veevaPage(95000100));
  await settled(page, 6);
  assert.equal(await page.locator('.source-name').last().textContent(), 'Pasted text 3');
  assert.deepEqual((await keptKeys(page)).sources, [1, 2, 3, 4, 5, 6, 7]);
  const withThird = await shown(page);
  await page.close();

  await app.restartBrowser();
  const { page: again } = await app.open();
  await again.locator('.keep-note[data-keep="kept"]').waitFor();
  assert.deepEqual(await shown(again), withThird, 'the same after closing the browser and starting it again');
  await again.close();
});

test('typed text is kept as one source, rewritten in place as the typing goes on', async () => {
  const { page } = await app.open();
  const box = page.getByLabel('Paste registry text');
  await box.fill(await veevaPage(96000000));
  await settled(page, 1);
  await box.fill(`${await veevaPage(96000000)}\n${await veevaPage(96000100)}`);
  await page.locator('article.trial-card[data-nct-id="NCT96000100"]').waitFor();
  await settled(page, 2);
  assert.deepEqual(await keptKeys(page), { sources: [1], texts: [1] }, 'one entry, overwritten');
  const typed = await shown(page);
  await reload(page);
  assert.deepEqual(await shown(page), typed);
  assert.equal(await page.locator('.source-name').textContent(), 'Typed text');
  await page.close();
});

test('removing a source and a card sticks after a reload', async () => {
  const { page } = await app.open();
  await loadExamples(page);
  await pasteInto(page.getByLabel('Paste registry text'), `${await veevaPage(97000000)}\n${await veevaPage(97000100)}`);
  await settled(page, 6);
  await page.getByRole('button', { name: 'Remove Example: meddatax.com study page.txt and its cards' }).click();
  await page.getByRole('button', { name: 'Remove card for NCT97000000' }).click();
  await settled(page, 4);
  const kept = await shown(page);
  assert.equal(kept.sources.length, 4);
  assert.ok(!kept.cards.some((card) => card.startsWith('NCT97000000')));
  assert.ok(kept.cards.some((card) => card.startsWith('NCT97000100')));

  await reload(page);
  assert.deepEqual(await shown(page), kept);
  assert.deepEqual(await keptKeys(page), { sources: [1, 3, 4, 5], texts: [1, 3, 4, 5] });
  await page.close();
});

test('Clear all asks first: Escape and Cancel keep everything, Clear empties the page and the storage', async () => {
  const { page } = await app.open();
  await loadExamples(page);
  const dialog = page.getByRole('dialog', { name: 'Clear everything?' });
  const clearAll = page.getByRole('button', { name: 'Clear all' });

  await clearAll.click();
  await dialog.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Cancel', 'focus moves into the dialog');
  await page.screenshot({ path: path.join(artifacts, 'keep-clear-all-confirm.png') });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.locator('article.trial-card').count(), 4, 'Escape cancels');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Clear all', 'focus goes back to the button');

  await clearAll.click();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.locator('article.trial-card').count(), 4, 'Cancel keeps everything');

  await clearAll.click();
  await dialog.getByRole('button', { name: 'Clear', exact: true }).click();
  await settled(page, 0);
  assert.equal(await page.locator('.source').count(), 0);
  assert.equal(await clearAll.count(), 0, 'no Clear all when nothing is loaded');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'paste-input', 'focus goes to the paste box');
  assert.deepEqual(await keptKeys(page), { sources: [], texts: [] });

  await reload(page);
  assert.equal(await page.getByTestId('record-count').textContent(), '0 trials');
  await page.getByRole('button', { name: 'Load examples' }).waitFor();
  await page.close();
});

test('broken entries are each named and left alone; every other entry loads', async () => {
  const { page } = await app.open();
  await loadExamples(page);
  await page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('trialcards');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['sources', 'texts'], 'readwrite');
      const sources = tx.objectStore('sources');
      const texts = tx.objectStore('texts');
      const bytes = (text) => new TextEncoder().encode(text);
      const json = (value) => bytes(JSON.stringify(value));
      sources.put(bytes('\u0000{not json'), 100);
      texts.put(bytes('some text'), 100);
      sources.put(json({ format: 99, name: 'From a newer trialcards', problems: [], records: 0 }), 101);
      texts.put(bytes(''), 101);
      sources.put('garbage', 102);
      sources.put(json({ format: 1, name: 'Wrong types', problems: [], records: 'none' }), 103);
      texts.put(bytes(''), 103);
      sources.put(json({ format: 1, name: 'Lost its text', problems: [], records: 0 }), 104);
      sources.put(json({ format: 1, name: 'Bad text', problems: [], records: 0 }), 105);
      texts.put(new Uint8Array([0xff, 0xfe, 0x00]), 105);
      sources.put(bytes('{}'), 'broken');
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  }));

  await reload(page);
  assert.equal(await page.locator('article.trial-card').count(), 4, 'the good entries load');
  const alerts = await page.locator('.source-problem[role="alert"]').allTextContents();
  const untouched = 'It was left in storage untouched; Remove deletes it.';
  assert.deepEqual(alerts, [
    `A saved source (key 100) could not be read back: it is not what trialcards saves (expected value at line 1 column 1). ${untouched}`,
    `The saved source “From a newer trialcards” (key 101) could not be read back: it was saved in format 99, and this version of trialcards reads format 1. ${untouched}`,
    `A saved source (key 102) could not be read back: its value is not what trialcards saves. ${untouched}`,
    `The saved source “Wrong types” (key 103) could not be read back: it is not what trialcards saves (invalid type: string "none", expected usize at line 1 column 63). ${untouched}`,
    `The saved source “Lost its text” (key 104) could not be read back: its text is missing. ${untouched}`,
    `The saved source “Bad text” (key 105) could not be read back: its text is not UTF-8. ${untouched}`,
    `A saved source (key "broken") could not be read back: it is not what trialcards saves (missing field \`format\` at line 1 column 2). ${untouched}`,
  ]);
  await page.locator('.source').nth(4).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(artifacts, 'keep-broken-entries.png') });
  const names = await page.locator('.source-name').allTextContents();
  assert.deepEqual(names.slice(4), [
    'Saved source (key 100)', 'From a newer trialcards', 'Saved source (key 102)', 'Wrong types',
    'Lost its text', 'Bad text', 'Saved source (key "broken")',
  ]);

  // A new source does not take a kept key; removing a broken entry deletes it.
  await pasteInto(page.getByLabel('Paste registry text'), await veevaPage(98000000));
  await settled(page, 5);
  await page.getByRole('button', { name: 'Remove Saved source (key 102) and its cards' }).click();
  await page.getByRole('button', { name: 'Remove Saved source (key "broken") and its cards' }).click();
  await settled(page, 5);
  const keys = await keptKeys(page);
  assert.deepEqual(keys.sources, [1, 2, 3, 4, 100, 101, 103, 104, 105, 107]);
  await reload(page);
  assert.equal(await page.locator('.source-problem[role="alert"]').count(), 5);
  assert.equal(await page.locator('article.trial-card').count(), 5);
  await page.close();
});

test('a full storage: the source is named, shown now, and nothing kept before is lost', async () => {
  // A 1 MB quota: the examples fit, 2 MB of random text does not (Chromium compresses what it
  // stores: 200 of our pages, each with 10 kB of random lines). Chromium reads an origin's
  // quota when its storage is first used and keeps it a while, so the override comes first,
  // in a browser of its own. (The page's navigator.storage.estimate() does not show it.)
  const browser = await launchBrowser();
  const origin = new URL(app.server.url).origin;
  const setup = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(setup);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1_000_000 });
  try {
    const overridden = await cdp.send('Storage.getUsageAndQuota', { origin });
    assert.ok(overridden.overrideActive && overridden.quota === 1_000_000, 'the quota is overridden');
    const { page } = await app.open(browser.context);
    await loadExamples(page);
    const pages = [];
    for (let i = 0; i < 200; i++) {
      pages.push(`${await veevaPage(93000000 + 4 * i)}\n${crypto.randomBytes(5_000).toString('hex').replace(/(.{100})/g, '$1\n')}`);
    }
    const file = path.join(dir, 'too_big_to_keep.txt');
    await fs.writeFile(file, pages.join('\n'));
    await page.locator('#file-input').setInputFiles(file);
    await settled(page, 204);
    const alert = page.locator('.source', { hasText: 'too_big_to_keep.txt' }).locator('.not-kept[role="alert"]');
    assert.equal(
      await alert.textContent(),
      'too_big_to_keep.txt was not saved in this browser: the storage is full. It is shown now but will be gone after a reload.',
    );
    assert.equal(await page.locator('.source').count(), 5, 'everything is still shown');
    assert.equal(await page.locator('article.trial-card').count(), 50);
    await alert.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, 'keep-storage-full.png') });

    await reload(page);
    assert.equal(await page.getByTestId('record-count').textContent(), '4 trials', 'what was kept before is still kept');
    assert.equal(await page.locator('.source').count(), 4);
    await page.close();
  } finally {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await cdp.detach();
    await setup.close();
    await browser.close();
  }
});

for (const [what, make] of [
  ['a 25 MB file of 13,951 pages', () => manyPagesUpTo25Mb(dir)],
  ['a 25 MB page of one record with 470,064 unplaceable lines', () => oneHugePage(dir)],
]) {
  test(`${what} is saved and comes back after a reload without freezing the page`, async () => {
    const { file, records } = await make();
    assert.ok((await fs.stat(file)).size <= MAX_INPUT_BYTES);
    const { page } = await app.open();
    await page.evaluate(heartbeat);
    let start = Date.now();
    await page.locator('#file-input').setInputFiles(file);
    await settled(page, records, 120_000);
    const loading = await worstGap(page);
    console.log(`  read and saved in ${Date.now() - start} ms; the page's thread paused at most ${loading} ms`);
    assert.ok(loading < RESPONSIVE_MS, `the page stayed responsive while reading and saving (longest pause ${loading} ms)`);
    const before = await shown(page);

    // From the reloaded page's first script on: loading the app, reading back, rendering.
    await page.addInitScript(heartbeat);
    start = Date.now();
    await page.reload();
    await page.getByTestId('record-count').filter({ hasText: recordCount(records) }).waitFor({ timeout: 60_000 });
    const restored = Date.now() - start;
    const restoring = await worstGap(page);
    console.log(`  restored after a reload in ${restored} ms; the page's thread paused at most ${restoring} ms`);
    assert.ok(restoring < RESPONSIVE_MS, `the page stayed responsive while restoring (longest pause ${restoring} ms)`);
    assert.deepEqual(await shown(page), before);
    await page.locator('article.trial-card').first().getByRole('button', { name: 'View source text' }).click();
    assert.match(await page.locator('.source-view .more-note').last().textContent(), /Lines 401–[\d,]+ are not shown/);
    await page.close();
  });
}

test('the note says where things are kept and how to remove them', async () => {
  const { page } = await app.open();
  await loadExamples(page);
  assert.equal(
    await page.locator('.keep-note').textContent(),
    'Kept in this browser only, in its storage for this site — nothing you load is sent anywhere. Remove a source, or Clear all, to delete it.',
  );
  await page.screenshot({ path: path.join(artifacts, 'keep-note.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.screenshot({ path: path.join(artifacts, 'keep-clear-all-confirm-dark.png') });
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: 'Clear all' }).click();
  await page.screenshot({ path: path.join(artifacts, 'keep-clear-all-confirm-390.png') });
  await page.keyboard.press('Escape');
  await page.close();
});

test('a browser that offers no IndexedDB (some private windows) says so once, and the app works', async () => {
  const { page } = await app.open();
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get: () => undefined });
  });
  await reloadOff(page);
  assert.equal(
    await page.locator('.keep-note').textContent(),
    'This browser will not keep what you load: it offers this page no storage (as in some private windows). Everything else works, but what you load is gone after a reload.',
  );
  await page.screenshot({ path: path.join(artifacts, 'keep-no-storage.png') });
  await page.getByRole('button', { name: 'Load examples' }).click();
  await page.getByTestId('record-count').filter({ hasText: /^4 trials$/ }).waitFor();
  await page.locator('.source[aria-busy="true"]').first().waitFor({ state: 'detached' });
  assert.equal(await page.locator('[role="alert"]').count(), 1, 'one message, no other alert');
  await page.close();
});

async function reloadOff(page) {
  await page.reload();
  await page.locator('.keep-note[data-keep="off"]').waitFor();
}
