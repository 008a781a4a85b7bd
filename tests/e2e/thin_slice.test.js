// The foundation's thin slice, on the release build served under /trialcards/:
// paste a Veeva page or pick files, and read the trial's card.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  useApp, pasteInto, fixture, fixtures, screenshot,
} from './harness.js';

const app = useApp();

test('pasting a Veeva page shows its card with title and a safe NCT link', async () => {
  const { page, offOrigin, pageErrors, cspViolations, workers } = await app.open();
  await pasteInto(page.getByLabel('Paste registry text'), await fixture('veeva_fictional_knee_msc.txt'));

  const card = page.locator('article.trial-card[data-nct-id="NCT09990001"]');
  await card.waitFor();
  assert.equal(
    await card.locator('h2').textContent(),
    'Umbilical Cord Mesenchymal Stromal Cells for Knee Cartilage Loss in Adults (KNEE-MSC)',
  );
  const link = card.getByRole('link', { name: 'NCT09990001' });
  assert.equal(await link.getAttribute('href'), 'https://clinicaltrials.gov/study/NCT09990001');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  assert.match(await page.getByTestId('record-count').textContent(), /\b1\b/);
  assert.equal(await page.getByLabel('Paste registry text').inputValue(), '', 'the box is ready for the next paste');
  await screenshot(page, 'thin-slice-paste');

  assert.ok(
    workers.some((url) => url.endsWith('/trialcards/trialcards-worker_loader.js')),
    `the page parses in its Web Worker (workers: ${workers.join(', ')})`,
  );
  assert.deepEqual(offOrigin, [], 'no request leaves the origin');
  assert.deepEqual(await cspViolations(), [], 'no Content-Security-Policy violation');
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('a second paste adds to the collection; the same trial twice is one card with two sources', async () => {
  const { page } = await app.open();
  const box = page.getByLabel('Paste registry text');
  const text = await fixture('veeva_fictional_knee_msc.txt');
  await pasteInto(box, text);
  await pasteInto(box, text);
  await page.getByTestId('record-count').filter({ hasText: /^1 trial \(2 records\)$/ }).waitFor();
  assert.equal(await page.locator('.source').count(), 2);
  assert.equal(await page.locator('article.trial-card').count(), 1);
  assert.equal((await page.getByTestId('sources-count').textContent()).trim(), '2 sources');
  assert.match(await page.getByTestId('reconciled').textContent(), /they agree on every field they share/);
  await pasteInto(box, await fixture('meddatax_hostile_references.txt'));
  await page.locator('article.trial-card').nth(1).waitFor();
  assert.equal(await page.locator('article.trial-card').count(), 2);
  await page.close();
});

test('picking files loads each; a file that is no registry page gets an alert naming it', async () => {
  const { page } = await app.open();
  await page.locator('input[type="file"]').setInputFiles([
    path.join(fixtures, 'veeva_fictional_knee_msc.txt'),
    path.join(fixtures, 'not_a_registry_page.txt'),
  ]);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /not_a_registry_page\.txt/);
  await page.locator('article.trial-card[data-nct-id="NCT09990001"]').waitFor();
  assert.match(await page.getByTestId('record-count').textContent(), /\b1\b/);
  await page.close();
});

test('typed text is read after a pause, as one source that follows the box', async () => {
  const { page } = await app.open();
  const box = page.getByLabel('Paste registry text');
  const text = await fixture('veeva_fictional_knee_msc.txt');
  await box.fill(text.slice(0, 200));
  await page.locator('.source-name', { hasText: 'Typed text' }).waitFor();
  await box.fill(text);
  await page.locator('article.trial-card[data-nct-id="NCT09990001"]').waitFor();
  assert.equal(await page.locator('.source').count(), 1, 'typing again updates the same source');
  await box.fill('');
  await page.locator('.source').waitFor({ state: 'detached' });
  assert.equal(await page.locator('article.trial-card').count(), 0);
  await page.close();
});
