// Every value traceable: a card's value opens the source text at the line it was read from,
// with the keyboard as with the mouse; the source marks what was read and what was not
// placed; a read line leads back to its field on the card.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { useApp, screenshot, fixtures, root, pasteInto, parseCsv, download } from './harness.js';

const app = useApp();

async function loadExamples(page) {
  await page.getByRole('button', { name: 'Load examples' }).click();
  await page.locator('article.trial-card').nth(3).waitFor();
}

test("a value's source button opens the source at its line, highlighted", async () => {
  const { page } = await app.open();
  await loadExamples(page);
  const card = page.locator('article.trial-card').first();
  const status = await card.locator('.badge.status').textContent();
  // The status is read from one line of the page: its button names it.
  const fact = card.locator('[id$="-overallStatus"]');
  assert.equal(await fact.count(), 0, 'the status is a badge, not a fact row');
  const sponsor = card.locator('details.sponsors');
  await sponsor.locator('summary').click();
  const lead = sponsor.locator('.fact', { hasText: 'Lead sponsor' });
  const name = (await lead.locator('dd').textContent()).replace(/ \(.*$/, '').replace(/line.*$/, '').trim();
  await lead.getByRole('button', { name: /Show where Lead sponsor was read/ }).click();
  const highlighted = card.locator('.sv-line.highlighted');
  await highlighted.first().waitFor();
  assert.ok((await highlighted.allTextContents()).join(' ').includes(name), `the highlighted line holds ${name}`);
  assert.ok(await highlighted.first().evaluate((el) => el === document.activeElement), 'the line has the focus');
  assert.ok(status.length > 0);
  await screenshot(page, 'provenance-source-highlighted');
});

test('a saved HTML page opens at its line in the text the page showed, not its markup', async () => {
  const { page } = await app.open();
  await page.locator('input[type=file]').setInputFiles(
    path.join(root, 'crates', 'core', 'tests', 'fixtures', 'saved_pages', 'veeva_fictional_knee_msc.html'),
  );
  const card = page.locator('article.trial-card');
  await card.waitFor();
  const topic = card.locator('[id$="-conditions"]');
  const condition = (await topic.locator('.chip').first().textContent()).trim();
  await topic.locator('.source-link').click();
  // The shown text is worked out by the parse worker, so the lines arrive a moment later.
  const highlighted = card.locator('.sv-line.highlighted');
  await highlighted.first().waitFor();
  assert.ok((await highlighted.allTextContents()).join(' ').includes(condition), `the highlighted lines hold ${condition}`);
  assert.ok(await highlighted.first().evaluate((el) => el === document.activeElement), 'the line has the focus');
  const lines = (await card.locator('.sv-line .line-text').allTextContents()).join('\n');
  assert.doesNotMatch(lines, /<\/?(html|body|div|p|span|script|style)\b/i, 'no markup is shown');
  assert.ok(await card.locator('.sv-line.read').count() > 3, 'lines read are marked');
});

test('the keyboard opens a condition at its line, and the line leads back to the field', async () => {
  const { page } = await app.open();
  await loadExamples(page);
  const card = page.locator('article.trial-card').first();
  const topic = card.locator('[id$="-conditions"]');
  const condition = (await topic.locator('.chip').first().textContent()).trim();
  await topic.locator('.source-link').focus();
  await page.keyboard.press('Enter');
  const highlighted = card.locator('.sv-line.highlighted');
  await highlighted.first().waitFor();
  assert.ok((await highlighted.allTextContents()).join(' ').includes(condition), `the highlighted lines hold ${condition}`);
  // From a read line, back to the field it went into.
  const back = highlighted.locator('.line-field').first();
  assert.match(await back.textContent(), /Conditions/);
  await back.press('Enter');
  assert.ok(await topic.evaluate((el) => el === document.activeElement), 'the field has the focus');
});

test('the source marks the lines read and the lines not placed, with a legend', async () => {
  const { page } = await app.open();
  await loadExamples(page);
  const card = page.locator('article.trial-card').filter({ has: page.locator('details.unrecognized') }).first();
  await card.getByRole('button', { name: 'View source text' }).click();
  const view = card.locator('.source-view');
  await view.waitFor();
  assert.match(await view.locator('.source-legend').textContent(), /read into a field.*not placed/);
  assert.ok(await view.locator('.sv-line.read').count() > 3, 'lines read are marked');
  const unplaced = await card.locator('ol.unrecognized-lines > li').count();
  assert.equal(await view.locator('.sv-line.unplaced').count(), unplaced, 'every line not placed is marked');
  await view.scrollIntoViewIfNeeded();
  await screenshot(page, 'provenance-read-and-unplaced');
});

test("a reconciled trial's disagreement opens each source at its own line", async () => {
  const { page } = await app.open();
  await page.locator('input[type=file]').setInputFiles([
    path.join(fixtures, 'veeva_fictional_knee_msc.txt'),
    path.join(fixtures, 'meddatax_fictional_knee_msc.txt'),
  ]);
  await page.getByTestId('record-count').filter({ hasText: /^1 trial \(2 records\)$/ }).waitFor();
  const card = page.locator('article.trial-card');
  const differences = card.locator('.difference');
  await differences.first().waitFor();
  const links = card.locator('.difference .source-link');
  assert.ok(await links.count() >= 2, 'each source\u2019s value has its line');
  const first = differences.filter({ has: page.locator('.source-link') }).first();
  const label = (await first.locator('dt').textContent()).replace(' ≠', '').trim();
  await first.locator('.source-link').first().click();
  const highlighted = card.locator('.differ-source .sv-line.highlighted');
  await highlighted.first().waitFor();
  // The line shown is the one that source's value of this field was read from: the source view
  // names the field on it (the page spells an enum its own way: "Enrolling" for Recruiting).
  const named = (await highlighted.locator('.line-field').allTextContents()).join(' ');
  assert.ok(named.toLowerCase().includes(label.toLowerCase()), `the highlighted line was read into ${label} (${named})`);
  // The other source's value opens its own source.
  await first.locator('.source-link').nth(1).click();
  const again = card.locator('.differ-source .sv-line.highlighted');
  await again.first().waitFor();
  assert.match(await card.locator('.differ-source > p').textContent(), /meddatax|Veeva/i);
});

test('pages of two registries that share a EudraCT number are one trial, and the card says why', async () => {
  const { page } = await app.open();
  const box = page.getByLabel('Paste registry text');
  // Two sites' pages of one fictional trial: an EU register page and another registry's page
  // that lists the same EudraCT number among its IDs.
  await pasteInto(box, [
    'Fictional EU Trials Register', '', 'A Fictional Trial of Stromal Cells for Knees', '',
    'EudraCT Number: 2031-000777-12', 'Sponsor: Northwind University Hospital',
    'Start date: 2031-03', 'Medical condition: Knee osteoarthritis', '',
  ].join('\n'));
  await pasteInto(box, [
    'Fictional National Registry', '', 'Stromal Cells for Knee Osteoarthritis', '',
    'Trial ID: ISRCTN99990777', 'Secondary IDs: EudraCT 2031-000777-12',
    'Start date: 2031-03-15', 'Condition: Knee osteoarthritis', '',
  ].join('\n'));
  await page.getByTestId('record-count').filter({ hasText: /^1 trial \(2 records\)$/ }).waitFor();
  const card = page.locator('article.trial-card');
  assert.equal(await card.count(), 1);
  assert.match(await card.getByTestId('joined-by').textContent(), /same EudraCT number 2031-000777-12/);
  // The start dates agree at different precision: no disagreement, and the finer one is named.
  assert.equal(await card.locator('.difference[data-field="startDateStruct"]').count(), 0);
  assert.match(await card.getByTestId('finer').textContent(), /Start: Pasted text 2 gives it more precisely \(2031-03-15\)/);
});

test('a value of a CT.gov JSON record opens the JSON file at its own line', async () => {
  const { page } = await app.open();
  await page.locator('input[type=file]').setInputFiles([path.join(fixtures, 'ctgov_study.json')]);
  const card = page.locator('article.trial-card').first();
  await card.waitFor();
  const sponsors = card.locator('details.sponsors');
  await sponsors.locator('summary').click();
  const lead = sponsors.locator('.fact', { hasText: 'Lead sponsor' });
  const name = (await lead.locator('dd').evaluate((dd) => dd.firstChild.textContent)).replace(/ \(.*$/, '').trim();
  await lead.locator('.source-link').click();
  const highlighted = card.locator('.sv-line.highlighted');
  await highlighted.first().waitFor();
  const text = (await highlighted.allTextContents()).join('\n');
  assert.ok(text.includes(name), `the highlighted JSON (${text}) holds ${name}`);
});

test('a CT.gov JSON record and a page sharing its EudraCT number are one trial; the user splits them, the split is kept, and the groups CSV counts it', async () => {
  const { page } = await app.open();
  // A CT.gov v2 record of our own that lists a EudraCT number, and another site's page that
  // gives only that number.
  const study = {
    protocolSection: {
      identificationModule: {
        nctId: 'NCT09990888', briefTitle: 'Fictional Stromal Cells for Stiff Elbows',
        secondaryIdInfos: [{ id: '2031-000888-21', type: 'EUDRACT_NUMBER' }],
      },
      statusModule: { overallStatus: 'RECRUITING', lastUpdatePostDateStruct: { date: '2031-05-02', type: 'ACTUAL' } },
    },
  };
  await page.locator('input[type=file]').setInputFiles([{
    name: 'NCT09990888.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(study, null, 2)),
  }]);
  await pasteInto(page.getByLabel('Paste registry text'), [
    'Fictional EU Trials Register', '', 'Stromal Cells for Elbow Stiffness', '',
    'EudraCT Number: 2031-000888-21', 'Sponsor: Northwind University Hospital', '',
  ].join('\n'));
  await page.getByTestId('record-count').filter({ hasText: /^1 trial \(2 records\)$/ }).waitFor();
  const card = page.locator('article.trial-card');
  assert.match(await card.getByTestId('joined-by').textContent(), /same EudraCT number 2031-000888-21/);

  // The groups CSV: one row per source, both in group 1.
  let csv = parseCsv((await download(page, 'Groups CSV')).text);
  assert.deepEqual(csv[0].slice(0, 5), ['Group', 'Records In Group', 'NCT Number', 'Registry IDs', 'Joined By']);
  assert.deepEqual(csv.slice(1).map((r) => [r[0], r[1], r[2]]), [['1', '2', 'NCT09990888'], ['1', '2', 'NCT09990888']]);

  // Split the pasted page off, with the keyboard.
  const split = card.getByRole('button', { name: /^Split Pasted text 1 off/ });
  await split.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('record-count').filter({ hasText: /^2 trials$/ }).waitFor();
  assert.match(await page.getByTestId('split-note').textContent(), /You split Pasted text 1 off/);
  await screenshot(page, 'provenance-split');
  csv = parseCsv((await download(page, 'Groups CSV')).text);
  const splitOff = csv[0].indexOf('Split Off');
  assert.deepEqual(csv.slice(1).map((r) => [r[0], r[1], r[splitOff]]).sort(), [['1', '1', ''], ['2', '1', 'yes']]);

  // Kept after a reload; joined again, one trial.
  await page.reload();
  await page.locator('.keep-note[data-keep="kept"]').waitFor({ timeout: 60_000 });
  await page.getByTestId('record-count').filter({ hasText: /^2 trials$/ }).waitFor();
  await page.getByRole('button', { name: /^Join Pasted text 1 again/ }).click();
  await page.getByTestId('record-count').filter({ hasText: /^1 trial \(2 records\)$/ }).waitFor();
});

test('our JSON read back names the file its lines are of, and does not point into itself', async () => {
  const { page } = await app.open();
  await page.locator('input[type=file]').setInputFiles([path.join(fixtures, 'veeva_fictional_knee_msc.txt')]);
  await page.locator('article.trial-card').first().waitFor();
  const json = (await download(page, 'JSON')).text;
  await page.locator('input[type=file]').setInputFiles([{ name: 'exported.json', mimeType: 'application/json', buffer: Buffer.from(json) }]);
  await page.getByTestId('record-count').filter({ hasText: /\(2 records\)/ }).waitFor();
  // The page's source removed, the card is the exported record's.
  await page.getByRole('button', { name: 'Remove veeva_fictional_knee_msc.txt and its cards' }).click();
  await page.getByTestId('record-count').filter({ hasText: /^1 trial$/ }).waitFor();
  const card = page.locator('article.trial-card').first();
  const said = card.locator('.source-link.elsewhere').first();
  await said.waitFor();
  assert.match(await said.getAttribute('aria-label'), /was read from lines? [\d–]+ of veeva_fictional_knee_msc\.txt, which is not loaded/);
  assert.equal(await card.locator('button.source-link').count(), 0, 'no line of the JSON is offered as the value\'s source');
  await card.getByRole('button', { name: 'View source text' }).click();
  assert.match(await page.getByTestId('source-elsewhere').textContent(), /first read from veeva_fictional_knee_msc\.txt/);
  assert.equal(await card.locator('.sv-line.read').count(), 0, 'no line of the JSON is marked as read');
  await screenshot(page, 'provenance-read-back');
});
