// What a user reads: the examples and the seed-like fixtures as complete cards,
// every layout's key content, keyboard-only use, and screenshots to look at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useApp, screenshot, fixtures } from './harness.js';

const app = useApp();

async function loadExamples(page) {
  await page.getByRole('button', { name: 'Load examples' }).click();
  await page.locator('article.trial-card').nth(3).waitFor();
}

/** Opens every section of a card, as a reader clicking through it would. */
async function openSections(card) {
  for (const summary of await card.locator('details > summary').all()) await summary.click();
}

test('the examples load one card per layout, each with its key content', async () => {
  const { page, offOrigin, cspViolations, pageErrors } = await app.open();
  assert.match(await page.locator('.empty-state').textContent(), /nothing you load is sent anywhere/);
  await loadExamples(page);
  assert.match(await page.getByTestId('record-count').textContent(), /\b4\b/);

  const veeva = page.locator('article.trial-card[data-nct-id="NCT09990001"]');
  await openSections(veeva);
  assert.match(await veeva.locator('.badge.status').textContent(), /Recruiting/);
  assert.equal(await veeva.locator('.badge.status').getAttribute('data-status'), 'RECRUITING');
  assert.deepEqual(await veeva.locator('.badge.phase').allTextContents(), ['Phase 1', 'Phase 2']);
  assert.match(await veeva.locator('.card-meta').textContent(), /Northwind University Hospital/);
  assert.match(await veeva.locator('.card-meta').textContent(), /ClinicalTrials\.Veeva/);
  assert.match(await veeva.locator('.facts').first().textContent(), /48 participants \(estimated\)/);
  assert.match(await veeva.locator('.facts').first().textContent(), /40 Years to 75 Years/);
  assert.ok((await veeva.locator('.eligibility li').allTextContents()).includes('Kellgren-Lawrence grade 2 or 3 on X-ray'));
  assert.match(await veeva.locator('.arm').first().textContent(), /MSC injection.*Experimental/);
  assert.match(await veeva.locator('.design').textContent(), /Double/);

  const meddatax = page.locator('article.trial-card[data-nct-id="NCT09990101"]');
  await openSections(meddatax);
  assert.match(await meddatax.locator('.badge.status').textContent(), /Active, not recruiting/);
  assert.deepEqual(await meddatax.locator('.badge.phase').allTextContents(), ['Phase 2', 'Phase 3']);
  assert.deepEqual(await meddatax.locator('.chip').allTextContents(), ['Crohn Disease', 'Perianal Fistula']);
  assert.match(await meddatax.locator('.arms').textContent(), /Saline.*Placebo comparator/s);
  assert.ok((await meddatax.locator('.eligibility li').allTextContents()).includes('Rectovaginal fistula'));
  assert.match(await meddatax.locator('.markdown').first().textContent(), /120 × 10\^6 in 24 mL/, 'CT.gov escapes render as text');
  const pmid = meddatax.getByRole('link', { name: 'PMID 99990001' });
  assert.equal(await pmid.getAttribute('href'), 'https://pubmed.ncbi.nlm.nih.gov/99990001/');
  const doi = meddatax.getByRole('link', { name: 'doi:10.5555/jfm.2021.0002' });
  assert.equal(await doi.getAttribute('href'), 'https://doi.org/10.5555/jfm.2021.0002');
  assert.match(await meddatax.locator('details.related').textContent(), /NCT09990102.*Rectovaginal/);
  assert.match(await meddatax.locator('.contacts').textContent(), /Mara Lindqvist, MD, PhD — Principal investigator/);
  assert.match(await meddatax.locator('details.sponsors').textContent(), /Fictional Cell Therapeutics GmbH \(Industry\)/);
  assert.match(await meddatax.locator('details.sponsors').textContent(), /Collaborators.*Riverside University Hospital \(Other\)/s);

  const results = page.locator('article.trial-card[data-nct-id="NCT09990201"]');
  await openSections(results);
  assert.match(await results.locator('.badge.has-results').textContent(), /Has results/);
  assert.match(await results.locator('.results').textContent(), /Day 28 after the first infusion/);

  const other = page.locator('article.trial-card[data-nct-id="NCT09990301"]');
  await openSections(other);
  assert.match(await other.locator('.card-meta').textContent(), /other site/);
  assert.ok((await other.locator('.eligibility li, .eligibility p').allTextContents())
    .some((t) => /Lupus nephritis class III or IV on biopsy/.test(t)), 'inline criteria are read');
  assert.match(await other.locator('.unrecognized').textContent(), /line 1: Fictional Trials Registry/,
    'text the parser could not place is kept and shown');

  await page.locator('article.trial-card').first().getByRole('button', { name: 'View source text' }).click();
  assert.match(await page.locator('.sv-lines').first().textContent(), /ClinicalTrials\.Veeva/);

  assert.deepEqual(offOrigin, []);
  assert.deepEqual(await cspViolations(), []);
  assert.deepEqual(pageErrors, []);
  await page.close();
});

test('a WHO ICTRP page reads as one: its outcomes, contacts, design and identifiers on the card', async () => {
  const { page, offOrigin, pageErrors } = await app.open();
  await page.locator('input[type=file]').setInputFiles(path.join(fixtures, 'who_ictrp_fictional_knee_msc.txt'));
  const card = page.locator('article.trial-card[data-nct-id="NCT09990077"]');
  await card.waitFor();
  await openSections(card);
  assert.match(await card.locator('h2').textContent(), /Umbilical Cord Stromal Cells for Fictional Knee Cartilage Loss/);
  assert.match(await card.locator('.card-meta').textContent(), /Read from a WHO ICTRP trial page/);
  assert.match(await card.locator('.badge.status').textContent(), /Completed/);
  assert.deepEqual(await card.locator('.badge.phase').allTextContents(), ['Phase 1', 'Phase 2']);
  const outcomes = card.locator('.outcomes');
  assert.match(await outcomes.textContent(), /Primary outcomes.*Pain on walking — 12 months/s);
  assert.match(await outcomes.textContent(), /Secondary outcomes.*Cartilage thickness on MRI — 6 and 12 months/s);
  assert.match(await card.locator('.contacts').textContent(), /Marta Fictional, MD/);
  assert.match(await card.locator('.design').textContent(), /Quadruple/);
  assert.match(await card.locator('.identifiers').textContent(), /2030-000123-45/);
  assert.match(await card.locator('details.sponsors').textContent(), /Fictional Cell Bank/);
  // What v2 has no place for is kept and shown.
  assert.match(await card.locator('.unrecognized').textContent(), /Fictional Science Council/);
  assert.deepEqual(offOrigin, []);
  assert.deepEqual(pageErrors, []);
  await screenshot(page, 'who-ictrp-card');
});

test('copy JSON puts the record on the clipboard; remove card removes only that card', async () => {
  await app.browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { page } = await app.open();
  await loadExamples(page);
  const card = page.locator('article.trial-card[data-nct-id="NCT09990101"]');
  await card.getByRole('button', { name: 'Copy JSON' }).click();
  await card.getByText('JSON copied').waitFor();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  assert.equal(copied.protocolSection.identificationModule.nctId, 'NCT09990101');
  assert.equal(copied.protocolSection.statusModule.overallStatus, 'ACTIVE_NOT_RECRUITING');
  assert.equal(copied.trialcards.source.layout, 'meddatax');
  await card.getByRole('button', { name: 'Remove card for NCT09990101' }).click();
  await card.waitFor({ state: 'detached' });
  assert.equal(await page.locator('article.trial-card').count(), 3);
  await page.close();
});

test('keyboard only: load the examples, open a section, remove a card', async () => {
  const { page } = await app.open();
  const focusIs = (name) => page.evaluate((n) => document.activeElement?.textContent?.trim() === n, name);
  let presses = 0;
  while (!(await focusIs('Load examples')) && presses++ < 20) await page.keyboard.press('Tab');
  assert.ok(await focusIs('Load examples'), 'Load examples is reachable with Tab');
  await page.keyboard.press('Enter');
  await page.locator('article.trial-card').nth(3).waitFor();
  presses = 0;
  while (!(await focusIs('Summary and description')) && presses++ < 40) await page.keyboard.press('Tab');
  assert.ok(await focusIs('Summary and description'), 'sections are reachable with Tab');
  const visibleFocus = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(visibleFocus, 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('article.trial-card').first().locator('details.description').getAttribute('open'), '');
  presses = 0;
  while (!(await focusIs('Remove card')) && presses++ < 40) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.locator('article.trial-card[data-nct-id="NCT09990001"]').waitFor({ state: 'detached' });
  await page.close();
});

test('screenshots: desktop, phone, dark and print', async () => {
  const { page } = await app.open();
  await screenshot(page, 'empty-desktop');
  await loadExamples(page);
  await page.locator('article.trial-card').first().locator('details').evaluateAll((all) => { for (const d of all) d.open = true; });
  await screenshot(page, 'examples-desktop');
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `nothing is wider than a 390 px screen (overflow ${overflow}px)`);
  await screenshot(page, 'examples-mobile');
  await page.setViewportSize({ width: 360, height: 740 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    'nothing is wider than a 360 px screen');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot(page, 'examples-dark');
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  assert.equal(await page.locator('.intake').isVisible(), false, 'print shows the cards only');
  assert.ok(await page.locator('article.trial-card').first().locator('.eligibility .section-body').isVisible(),
    'print shows every section');
  await screenshot(page, 'examples-print');
  await page.close();
});
