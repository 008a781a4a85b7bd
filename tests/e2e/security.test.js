// Page text is untrusted: markup in any field never runs, no link but http(s) and
// mailto is clickable, and nothing is requested from another origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useApp, openApp, pasteInto, fixture, fixtures } from './harness.js';

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
  // Both are one trial: one card, its two sources (one named in markup) listed on it.
  await page.getByTestId('record-count').filter({ hasText: /^1 trial \(2 records\)$/ }).waitFor();
  const cards = page.locator('article.trial-card[data-nct-id="NCT09990666"]');
  assert.match(await cards.getByTestId('reconciled').textContent(), /<img src=x onerror=window.__xss=1>\.txt/);
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
  await page.getByRole('button', { name: 'Load examples' }).click();
  await page.locator('input[type="file"]').setInputFiles([path.join(fixtures, 'veeva_fictional_knee_msc.txt')]);
  // The picked page is the Veeva example's trial: 4 trials from 5 records.
  await page.getByTestId('record-count').filter({ hasText: /^4 trials \(5 records\)$/ }).waitFor();
  assert.deepEqual(offOrigin, []);
  await page.close();
});

test('markup in every field of a ClinicalTrials.gov record and a page with references stays text', async () => {
  const { page } = await app.open();
  const dialogs = [];
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  await page.locator('input[type="file"]').setInputFiles([
    path.join(fixtures, 'ctgov_hostile_study.json'),
    path.join(fixtures, 'meddatax_hostile_references.txt'),
  ]);
  const cards = page.locator('article.trial-card');
  await page.locator('article.trial-card[data-nct-id="NCT09990667"]').waitFor();
  await page.locator('article.trial-card[data-nct-id="NCT09990668"]').waitFor();
  for (const card of await cards.all()) {
    for (const d of await card.locator('details').all()) await d.evaluate((el) => { el.open = true; });
    await card.getByRole('button', { name: 'View source text' }).click();
    for (const target of await card.locator('h2, a, li, dd, p').all()) await target.hover({ timeout: 2000 }).catch(() => {});
  }
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'no injected code ran');
  assert.deepEqual(dialogs, []);
  const injected = await page.locator('article.trial-card :is(script, style, img, iframe, svg, object, embed, b[onclick], b[onmouseover])').count();
  assert.equal(injected, 0, 'no element from the records');
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  for (const href of hrefs) assert.match(href, /^(https?:|mailto:)/i, `only http(s)/mailto links: ${href}`);
  assert.ok(hrefs.includes('https://example.org/safe'), 'the safe markdown link survives');
  assert.ok(!hrefs.some((h) => /javascript|vbscript|data:/i.test(h)), 'no link carries a script, even behind mailto:');
  assert.ok(hrefs.includes('mailto:team@example.org'), 'a real address is a mailto: link');
  // A DOI with quotes and markup is one https://doi.org link with them escaped; a DOI that
  // is a javascript: URL and a PMID that is not digits are shown as text, not linked.
  assert.ok(hrefs.includes("https://doi.org/10.0000/fict%22onmouseover%3D%22window.__xss%3D%27doi%27%22"), hrefs.join('\n'));
  assert.ok(!hrefs.some((h) => h.includes('pubmed') && !/\/\d+\/$/.test(h)), 'only all-digit PMIDs are linked');
  const text = await cards.evaluateAll((all) => all.map((c) => c.textContent).join('\n'));
  for (const shown of ['<script>window.__xss=\'brief2\'</script>', '<svg onload=', 'javascript:window.__xss=\'doi2\'', '<iframe src=',
    // IPD sharing, its data sets, uploaded documents and MeSH chips: text, never links or markup.
    'javascript:window.__xss=\'ipdurl\'', '<script>window.__xss=\'ipdtime\'</script>', '<img src=x onerror="window.__xss=\'doc\'">',
    '<img src=x onerror="window.__xss=\'mesh\'">']) {
    assert.ok(text.includes(shown), `the markup shows as text: ${shown}`);
  }
  await page.close();
});

test('the Content-Security-Policy is enforced, and a violation would be seen', async () => {
  // Opened outside app.open(): this page violates the policy on purpose.
  const { page, cspViolations } = await openApp(app.browser.context, app.server.url);
  const failed = [];
  page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inline = 1';
    document.body.append(script);
    const img = new Image();
    img.src = 'https://tracker.example/pixel.png';
    document.body.append(img);
  });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__inline), undefined, 'inline script is blocked');
  const violations = await cspViolations();
  assert.ok(violations.some((v) => v.startsWith('script-src')), violations.join('\n'));
  assert.ok(violations.some((v) => v.startsWith('img-src') && v.includes('tracker.example')), violations.join('\n'));
  assert.deepEqual(failed, ['https://tracker.example/pixel.png csp'], 'the browser blocked the image itself');
  await page.close();
});
