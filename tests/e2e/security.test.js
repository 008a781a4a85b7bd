// Page text is untrusted: markup in any field never runs, no link but http(s) and
// mailto is clickable, and nothing is requested from another origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useApp, pasteInto, fixture, fixtures } from './harness.js';

const app = useApp();

test('markup in every field of a page stays text and never runs', async () => {
  const { page, offOrigin, cspViolations, pageErrors } = await app.open();
  const dialogs = [];
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  await pasteInto(page.getByLabel('Paste registry text'), await fixture('veeva_hostile_markup.txt'));
  // The same page again, picked as a file whose name is markup too.
  await page.locator('input[type="file"]').setInputFiles({
    name: '<img src=x onerror=window.__xss=1>.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(await fixture('veeva_hostile_markup.txt')),
  });
  const cards = page.locator('article.trial-card[data-nct-id="NCT09990666"]');
  await cards.nth(1).waitFor();
  for (const card of await cards.all()) {
    for (const d of await card.locator('details').all()) await d.evaluate((el) => { el.open = true; });
    await card.getByRole('button', { name: 'View source text' }).click();
  }
  // Hovering and clicking what were handlers in the page text does nothing either.
  await cards.first().locator('h2').hover();
  await cards.first().locator('.card-meta').click();
  await page.locator('.source-name').last().hover();

  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no injected code ran');
  assert.deepEqual(dialogs, []);
  const injected = await page.locator('article.trial-card :is(script, img, iframe, svg, object, embed, b[onclick])').count();
  assert.equal(injected, 0, 'no element from the page text');
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  for (const href of hrefs) assert.match(href, /^(https?:|mailto:)/i, `only http(s)/mailto links: ${href}`);
  assert.ok(hrefs.includes('https://example.org/trial'), 'the safe link survives');
  assert.match(await cards.first().locator('h2').textContent(), /<img src=x onerror=/, 'the markup shows as text');
  assert.match(await page.locator('.source-name').last().textContent(), /^<img src=x onerror=window.__xss=1>\.txt$/);
  assert.deepEqual(offOrigin, [], 'the tracker image was never requested');
  assert.deepEqual(await cspViolations(), []);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('no request leaves the origin while files load', async () => {
  const { page, offOrigin } = await app.open();
  await page.route((url) => !url.href.startsWith(new URL(app.server.url).origin), (route) => route.abort());
  await page.locator('input[type="file"]').setInputFiles([path.join(fixtures, 'veeva_fictional_knee_msc.txt')]);
  await page.getByRole('button', { name: 'Load examples' }).click().catch(() => {});
  await page.locator('article.trial-card').first().waitFor();
  assert.deepEqual(offOrigin, []);
  await page.close();
});
