// Offline and installable: after the first visit the service worker has cached the app's own
// files, so with the network gone (the server stopped) a reload still opens the app, its parse
// worker still reads a pasted page into a card; the web app manifest names the app and its
// icons, and the service worker's cache is the build's own version, older ones removed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useApp, pasteInto, screenshot, fixtures } from './harness.js';

const app = useApp();

/** A fictional page of our own. */
const PAGE = [
  'Fictional Trials Register', '', 'Stromal Cells Read Without a Network', '',
  'Main ID: NCT09990914', 'Recruitment status: Recruiting', 'Gender: All', '',
].join('\n');

/** Waits until the service worker controls `page` and has finished caching. */
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

test('the manifest names the app and its icons, and the cache is this build\'s only', { timeout: 60_000 }, async () => {
  const { page } = await app.open();
  await controlled(page);
  // A cache an older build left behind; then this build's worker is installed afresh, as on the
  // first visit after a deploy (a fresh registration installs and activates again).
  await page.evaluate(async () => {
    await caches.open('trialcards-0000000000000000');
    await (await navigator.serviceWorker.getRegistration()).unregister();
  });
  await page.reload();
  await controlled(page);
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="manifest"]').href;
    return (await fetch(href)).json();
  });
  assert.equal(manifest.short_name, 'trialcards');
  assert.equal(manifest.display, 'standalone');
  const sizes = manifest.icons.map((i) => i.sizes);
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512'), sizes.join(', '));
  for (const icon of manifest.icons) {
    const type = await page.evaluate(async (src) => {
      const response = await fetch(new URL(src, document.baseURI));
      return response.ok ? (await response.blob()).type : `HTTP ${response.status}`;
    }, icon.src);
    assert.equal(type, icon.type, icon.src);
  }
  const version = await page.evaluate(async () => (await (await fetch('sw.js')).text()).match(/const VERSION = '([0-9a-f]{16})'/)[1]);
  let names = [];
  for (let i = 0; i < 50; i += 1) {
    names = await page.evaluate(() => caches.keys());
    if (names.length === 1) break;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(names, [`trialcards-${version}`], 'the old cache is removed');
});

test('after the first visit the app opens and reads a page and a CT.gov JSON study with the network gone', { timeout: 60_000 }, async () => {
  const { page } = await app.open();
  await controlled(page);
  // Every file of the build is cached once the worker is active.
  const cached = await page.evaluate(async () => (await (await caches.open((await caches.keys())[0])).keys()).length);
  assert.ok(cached >= 10, `${cached} files cached`);
  await app.server.close();
  await app.browser.context.setOffline(true);
  try {
    await page.reload();
    await page.getByLabel('Paste registry text').waitFor();
    await pasteInto(page.getByLabel('Paste registry text'), PAGE);
    const card = page.locator('article.trial-card[data-nct-id="NCT09990914"]');
    await card.waitFor();
    assert.match(await card.locator('h2').textContent(), /Stromal Cells Read Without a Network/);
    // A CT.gov JSON study needs the structured worker, first started now: from the cache too.
    await page.locator('input[type="file"]').setInputFiles(path.join(fixtures, 'ctgov_study.json'));
    await page.locator('article.trial-card[data-nct-id="NCT09990021"]').waitFor();
    // The network is gone: a file the build does not have is not fetched from anywhere.
    // (Chromium 148 says `navigator.onLine` after a reload under emulation, so it is not asked.)
    const reached = await page.evaluate(async () => {
      try {
        return (await fetch(`not-in-the-build-${Date.now()}.txt`, { cache: 'no-store' })).status;
      } catch {
        return 'no answer';
      }
    });
    assert.equal(reached, 'no answer', 'nothing answers with the network gone');
    await screenshot(page, 'offline');
  } finally {
    await app.browser.context.setOffline(false);
  }
});
